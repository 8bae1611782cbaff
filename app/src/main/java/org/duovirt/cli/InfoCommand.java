package org.duovirt.cli;

import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "Show one VM: state, CPUs, memory, mode, disks, NICs, consoles.")
final class InfoCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME", description = "The VM.")
    String name;

    @Override
    void run() {
        VmDetails d = host().details(name);
        if (output().isJson()) {
            output().json(Json.details(d));
            return;
        }
        VmSummary s = d.summary();
        Output o = output();
        o.line("Name:       " + s.name());
        o.line("UUID:       " + s.uuid());
        o.line("State:      " + s.state().cliName() + (s.id() >= 0 ? " (id " + s.id() + ")" : ""));
        o.line("vCPUs:      " + s.vcpus() + " (max " + s.maxVcpus() + ")");
        o.line("Memory:     " + s.memoryMiB() + " MiB (max " + s.maxMemoryKiB() / 1024 + " MiB)");
        o.line("OS type:    " + d.osType() + (d.mode() == null ? "" : ", mode " + d.mode().cliName()));
        o.line("Autostart:  " + (d.autostart() ? "yes" : "no"));
        for (DiskInfo disk : d.disks()) {
            o.line("Disk:       " + disk.target() + " " + disk.device() + " " + disk.source()
                    + (disk.format() == null ? "" : " (" + disk.format() + ")") + (disk.readOnly() ? " read-only" : ""));
        }
        for (NicInfo nic : d.nics()) {
            o.line("NIC:        " + nic.mac() + " on " + nic.network() + (nic.model() == null ? "" : " (" + nic.model() + ")"));
        }
        for (ConsoleInfo console : d.consoles()) {
            o.line("Console:    " + console.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (console.detail() == null ? "" : " " + console.detail()));
        }
    }
}
