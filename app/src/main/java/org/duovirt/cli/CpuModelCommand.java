package org.duovirt.cli;

import java.util.List;
import java.util.Map;
import org.duovirt.core.model.CpuModelOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** cpu-model: show, list or change the CPU model of a VM's saved definition (the details tab's CPUs page). */
@Command(name = "cpu-model", description = "Show a VM's CPU model, list the host's (--list), or save another one "
        + "(default, host-passthrough, host-model or a named model), which the VM gets at its next start.")
final class CpuModelCommand extends DeviceCommands.VmCommand {
    @Parameters(index = "1", paramLabel = "MODEL", arity = "0..1")
    String model;
    @Option(names = "--list", description = "List the models the host offers this VM, with why one cannot be used.")
    boolean list;

    @Override
    void run() {
        if (list) {
            List<CpuModelOption> models = host().cpuModels(host().details(vm).mode());
            if (output().isJson()) {
                output().json(Map.of("name", vm, "current", String.valueOf(host().hardware(vm).cpuModel()), "models", models.stream()
                        .map(m -> Map.of("name", m.name(), "available", m.available(), "reason", String.valueOf(m.reason()))).toList()));
                return;
            }
            output().line("default");
            models.forEach(m -> output().line(m.name() + (m.available() ? "" : "  (cannot: " + m.reason() + ")")));
            return;
        }
        if (model == null) {
            String now = host().hardware(vm).cpuModel();
            if (output().isJson()) {
                output().json(Map.of("name", vm, "current", String.valueOf(now)));
            } else {
                output().line(now == null ? "default" : now);
            }
            return;
        }
        host().setCpuModel(vm, model);
        done("saved", "VM '" + vm + "' gets CPU model " + model + " at its next start.");
    }
}
