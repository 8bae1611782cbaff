package org.duovirt.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** virsh as the independent witness of pinning tests: vcpupin and emulatorpin read back as plain strings. */
public final class VirshPins {
    private VirshPins() {
    }

    /** virsh vcpupin's table as "vcpu:cpus" pairs, e.g. [0:1, 1:0]; {@code extra} e.g. "--config". */
    public static List<String> vcpupin(String uri, String vm, String... extra) {
        return virsh(uri, "vcpupin", vm, extra).lines().map(String::strip).filter(l -> l.matches("\\d+\\s+\\S+"))
                .map(l -> l.replaceAll("\\s+", ":")).toList();
    }

    /** The CPU list virsh emulatorpin prints. */
    public static String emulatorpin(String uri, String vm, String... extra) {
        return virsh(uri, "emulatorpin", vm, extra).lines().map(String::strip).filter(l -> l.startsWith("*:"))
                .map(l -> l.substring(2).strip()).findFirst().orElseThrow();
    }

    private static String virsh(String uri, String command, String vm, String... extra) {
        List<String> argv = new ArrayList<>(List.of("virsh", "-c", uri, command, vm));
        argv.addAll(List.of(extra));
        return Commands.ok(argv, Duration.ofMinutes(1));
    }
}
