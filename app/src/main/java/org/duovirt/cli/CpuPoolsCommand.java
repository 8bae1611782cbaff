package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.CpuPool;
import picocli.CommandLine.Command;

@Command(name = "cpupools", description = "List the host's CPU pools (Xen).")
final class CpuPoolsCommand extends HostSubcommand {
    @Override
    void run() {
        List<CpuPool> pools = host().cpuPools();
        if (output().isJson()) {
            output().json(pools.stream().map(p -> java.util.Map.of("name", p.name(), "cpus", p.cpus().toList(),
                    "scheduler", String.valueOf(p.scheduler()), "vms", p.vms())).toList());
            return;
        }
        output().table(List.of("POOL", "CPUS", "SCHEDULER", "VMS"), pools.stream()
                .map(p -> List.of(p.name(), p.cpus().toString(), String.valueOf(p.scheduler()), String.join(",", p.vms())))
                .toList());
    }
}
