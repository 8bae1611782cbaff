package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.VmSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List the running VMs (with --all, also the stopped ones).")
final class ListCommand extends HostSubcommand {
    @Option(names = {"-a", "--all"}, description = "Include VMs that are not running.")
    boolean all;

    @Override
    void run() {
        List<VmSummary> vms = host().listVms(all);
        if (output().isJson()) {
            output().json(vms.stream().map(Json::summary).toList());
            return;
        }
        output().table(List.of("NAME", "STATE", "VCPUS", "MEMORY", "UUID"), vms.stream()
                .map(v -> List.of(v.name(), v.state().cliName(), String.valueOf(v.vcpus()), v.memoryMiB() + " MiB",
                        String.valueOf(v.uuid())))
                .toList());
    }
}
