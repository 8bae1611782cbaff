package org.duovirt.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmRates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stats", description = "Sample CPU, memory, disk and network rates of running VMs; one line (JSON object) per sample.")
final class StatsCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Only these VMs (default: all running).")
    List<String> names = new ArrayList<>();

    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS")
    double interval;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Samples to print (0 = until interrupted).")
    int count;

    @Override
    void run() throws InterruptedException {
        Bounds.require(Bounds.interval(interval), Bounds.count(count));
        EnumSet<StatsGroup> groups = EnumSet.allOf(StatsGroup.class);
        StatsSample previous = host().sample(groups, names);
        for (int printed = 0; count == 0 || printed < count; printed++) {
            Thread.sleep((long) (interval * 1000));
            StatsSample current = host().sample(groups, names);
            print(current, RateCalculator.rates(previous, current));
            previous = current;
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
