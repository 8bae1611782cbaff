package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pinning", aliases = "vcpupin", description = "Show where each vCPU may run, prefers to run and runs now.")
final class PinningCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    void run() {
        VcpuPinning p = host().pinning(name);
        if (output().isJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vcpus", p.vcpus().stream().map(PinningCommand::json).toList());
            m.put("emulatorCpus", Json.cpus(p.emulatorCpus()));
            output().json(m);
            return;
        }
        output().table(List.of("VCPU", "CPU NOW", "HARD AFFINITY", "SOFT AFFINITY"), p.vcpus().stream()
                .map(v -> List.of(String.valueOf(v.vcpu()), v.currentCpu() < 0 ? "-" : String.valueOf(v.currentCpu()),
                        v.hard().toString(), v.soft() == null ? "-" : v.soft().toString()))
                .toList());
        if (p.emulatorCpus() != null) {
            output().line("Emulator threads: " + p.emulatorCpus());
        }
    }

    private static Map<String, Object> json(VcpuAffinity v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vcpu", v.vcpu());
        m.put("cpus", Json.cpus(v.hard()));
        if (v.soft() != null) {
            m.put("softCpus", Json.cpus(v.soft()));
        }
        m.put("currentCpu", v.currentCpu() < 0 ? null : v.currentCpu());
        return m;
    }
}
