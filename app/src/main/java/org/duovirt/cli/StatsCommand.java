package org.duovirt.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.CounterWindow;
import org.duovirt.core.stats.StatsCsv;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.VmSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "stats", description = "Sample CPU, memory, disk and network rates of running VMs; one line (JSON object) per sample, "
        + "or with --csv the rows of the GUI's CSV export (timestamp,vm,series,unit,value).")
final class StatsCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these VMs (default: all running).")
    List<String> names = new ArrayList<>();

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Override
    void run() throws InterruptedException {
        sampling.check(output());
        EnumSet<StatsGroup> groups = EnumSet.allOf(StatsGroup.class);
        // The hub's arithmetic: coarse per-vCPU counters (Xen) are averaged over the same window.
        CounterWindow window = new CounterWindow();
        window.add(host().sample(groups, names));
        if (sampling.csv) {
            StringBuilder header = new StringBuilder();
            StatsCsv.header(header);
            output().line(header.toString().stripTrailing());
        }
        for (int printed = 0; sampling.more(printed); printed++) {
            sampling.sleep();
            StatsSample current = host().sample(groups, names);
            List<VmRates> rates = window.add(current);
            if (sampling.csv) {
                printCsv(current, rates);
            } else {
                print(current, rates);
            }
        }
    }

    private void printCsv(StatsSample sample, List<VmRates> rates) {
        for (VmRates r : rates) {
            StringBuilder rows = new StringBuilder();
            StatsCsv.rows(rows, sample.timestamp(), r.name(), VmSeries.of(r, 0));
            output().block(rows.toString());
        }
    }

    private void print(StatsSample sample, List<VmRates> rates) {
        if (output().isJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", sample.timestamp().toString());
            m.put("vms", rates.stream().map(StatsCommand::json).toList());
            output().json(m);
            return;
        }
        output().line(sample.timestamp().toString());
        output().table(List.of("NAME", "CPU", "VCPUS", "MEMORY", "DISK READ", "DISK WRITE", "NET RX", "NET TX"),
                rates.stream().map(r -> List.of(r.name(), Sizes.percent(r.cpuPercent()), vcpus(r.vcpuPercent()),
                        r.memoryUsedMiB() < 0 ? "-" : r.memoryUsedMiB() + " MiB",
                        Sizes.bytes(r.diskReadBps()) + "/s", Sizes.bytes(r.diskWriteBps()) + "/s",
                        Sizes.bytes(r.netRxBps()) + "/s", Sizes.bytes(r.netTxBps()) + "/s")).toList());
    }

    private static String vcpus(double[] percents) {
        List<String> parts = new ArrayList<>();
        for (double p : percents) {
            parts.add(Sizes.percent(p));
        }
        return parts.isEmpty() ? "-" : String.join(" ", parts);
    }

    private static Map<String, Object> json(VmRates r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("cpuPercent", Json.number(r.cpuPercent()));
        List<Double> vcpu = new ArrayList<>();
        for (double p : r.vcpuPercent()) {
            vcpu.add(Json.number(p));
        }
        m.put("vcpuPercent", vcpu);
        m.put("memoryUsedMiB", r.memoryUsedMiB() < 0 ? null : r.memoryUsedMiB());
        m.put("diskReadBps", Json.number(r.diskReadBps()));
        m.put("diskWriteBps", Json.number(r.diskWriteBps()));
        m.put("netRxBps", Json.number(r.netRxBps()));
        m.put("netTxBps", Json.number(r.netTxBps()));
        return m;
    }
}
