package org.duovirt.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HypervisorBackend;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The support matrix: which backend implements which operation (like libvirt's hvsupport). */
@Command(name = "backends", description = "Show the installed backends, their URI schemes and which operations each implements.")
final class BackendsCommand implements Callable<Integer> {
    @ParentCommand
    DuovirtCommand root;

    @Override
    public Integer call() {
        List<HypervisorBackend> backends = Backends.installed().all();
        Output out = root.output();
        if (out.isJson()) {
            out.json(backends.stream().map(b -> java.util.Map.of("name", b.name(),
                    "schemes", b.uriSchemes().stream().sorted().toList(),
                    "features", b.implementedFeatures().stream().map(Enum::name).sorted().toList())).toList());
            return 0;
        }
        List<String> header = new ArrayList<>(List.of("OPERATION"));
        backends.forEach(b -> header.add(b.name()));
        List<List<String>> rows = new ArrayList<>();
        for (Feature f : Feature.values()) {
            List<String> row = new ArrayList<>(List.of(f.label()));
            backends.forEach(b -> row.add(b.implementedFeatures().contains(f) ? "yes" : "-"));
            rows.add(row);
        }
        out.table(header, rows);
        return 0;
    }
}
