package org.duovirt.kvm;

import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.Commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Helpers for the integration tests on qemu:///system: the test guest, virsh as an independent
 * witness, and cleanup of this backend's own test domains (prefix {@value #PREFIX}) only.
 */
final class LiveHost {
    static final String URI = "qemu:///system";
    static final String PREFIX = "dvt-it-kvm-";
    static final Path GUEST_DIR = Path.of("/var/lib/libvirt/images/duovirt-test");

    private LiveHost() {
    }

    /** Builds (or reuses) the test guest where QEMU may read it. */
    static Path[] guest() {
        Repository.buildGuest(GUEST_DIR);
        return new Path[] {GUEST_DIR.resolve("vmlinuz"), GUEST_DIR.resolve("initrd.gz")};
    }

    /** A shut-off tiny guest without a disk (64 MiB, 1 vCPU, the test kernel on ttyS0), defined on {@code host}. */
    static void defineTiny(org.duovirt.core.spi.HostConnection host, String name) {
        Path[] guest = guest();
        host.create(new org.duovirt.core.model.VmSpec(name, 64, 1, new org.duovirt.core.model.VmSpec.Storage.None(),
                new org.duovirt.core.model.VmSpec.Boot.Kernel(guest[0].toString(), guest[1].toString(), "console=ttyS0"),
                null, org.duovirt.core.model.VirtMode.QEMU, null, null, null), org.duovirt.core.spi.ProgressListener.NONE);
    }

    /** virsh with an argument list (no shell); returns stdout, fails the test on a non-zero exit. */
    static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    static String run(List<String> command) {
        return Commands.ok(command, Duration.ofMinutes(2));
    }

    /** Names of all domains, exactly as virsh prints them. */
    static List<String> domainNames() {
        return virsh("list", "--all", "--name").lines().filter(l -> !l.isBlank()).toList();
    }

    /** Volume names of the default pool; empty when the pool does not exist yet. */
    static List<String> defaultPoolVolumes() {
        if (!virsh("pool-list", "--all", "--name").lines().map(String::strip).toList().contains("default")) {
            return List.of();
        }
        virsh("pool-refresh", "default");
        return virsh("vol-list", "default").lines().skip(2).map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.split("\\s+")[0]).toList();
    }

    /** Removes every domain and default-pool volume of this backend's tests, nothing else. */
    static void cleanUp() {
        cleanUp(PREFIX);
    }

    /** Removes every domain and default-pool volume whose name starts with {@code prefix}, nothing else. */
    static void cleanUp(String prefix) {
        for (String name : domainNames()) {
            if (name.startsWith(prefix)) {
                if (virsh("domstate", name).strip().startsWith("running") || virsh("domstate", name).strip().startsWith("paused")) {
                    virsh("destroy", name);
                }
                virsh("undefine", name, "--managed-save", "--snapshots-metadata", "--nvram");
            }
        }
        for (String volume : defaultPoolVolumes()) {
            if (volume.startsWith(prefix)) {
                virsh("vol-delete", "--pool", "default", volume);
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
