package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.os.OsPreset;
import org.duovirt.core.os.OsPresets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "os-presets", description = "List the OS presets (osinfo-db plus newer releases) for --os.")
final class OsPresetsCommand extends HostSubcommand {
    @Option(names = "--search", paramLabel = "TEXT", description = "Only presets whose id, name, vendor or family contains every word.")
    String search;

    @Override
    void run() {
        List<OsPreset> found = OsPresets.system().search(search);
        if (output().isJson()) {
            output().json(found.stream().map(OsPresetsCommand::json).toList());
            return;
        }
        for (OsPreset p : found) {
            output().line(String.format(java.util.Locale.ROOT, "%-20s %-36s %6s MiB %2s vCPU %4s GiB %s", p.shortId(), p.name(),
                    p.recommendedMiB() > 0 ? p.recommendedMiB() : "-", p.recommendedCpus() > 0 ? p.recommendedCpus() : "-",
                    p.recommendedGiB() > 0 ? p.recommendedGiB() : "-", p.virtio() ? "virtio" : ""));
        }
    }

    private static Map<String, Object> json(OsPreset p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shortId", p.shortId());
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("family", p.family());
        m.put("vendor", p.vendor());
        m.put("recommendedMemoryMiB", p.recommendedMiB());
        m.put("minimumMemoryMiB", p.minimumMiB());
        m.put("recommendedVcpus", p.recommendedCpus());
        m.put("recommendedDiskGiB", p.recommendedGiB());
        m.put("virtio", p.virtio());
        return m;
    }
}
