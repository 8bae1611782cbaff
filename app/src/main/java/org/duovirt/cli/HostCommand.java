package org.duovirt.cli;

import java.util.stream.Collectors;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.VirtMode;
import picocli.CommandLine.Command;

@Command(name = "host", description = "Show the host: hypervisor, memory, CPU topology and NUMA cells.")
final class HostCommand extends HostSubcommand {
    @Override
    void run() {
        HostInfo h = host().hostInfo();
        if (output().isJson()) {
            output().json(Json.host(h));
            return;
        }
        Output o = output();
        o.line("Host:        " + h.hostname());
        o.line("Hypervisor:  " + h.hypervisor() + " " + h.hypervisorVersion() + " (" + host().backendName() + ")");
        o.line("CPU model:   " + h.cpuModel());
        o.line("Memory:      " + h.totalMemoryKiB() / 1024 + " MiB (" + h.freeMemoryKiB() / 1024 + " MiB free)");
        o.line("Modes:       " + h.supportedModes().stream().map(VirtMode::cliName).sorted().collect(Collectors.joining(", ")));
        var t = h.topology();
        o.line("CPUs:        " + t.cpuCount() + " = " + t.sockets() + " socket(s) x " + t.coresPerSocket()
                + " core(s) x " + t.threadsPerCore() + " thread(s)");
        for (NumaCell cell : t.cells()) {
            o.line("NUMA node " + cell.id() + ": CPUs " + cell.cpus() + ", " + cell.memoryKiB() / 1024 + " MiB");
        }
    }
}
