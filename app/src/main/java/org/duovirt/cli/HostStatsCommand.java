package org.duovirt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.HostCpuRates;
import org.duovirt.core.stats.HostCpuSample;
import org.duovirt.core.stats.StatsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "host-stats", description = "Per-physical-CPU load of the host (% of each CPU) and the vCPUs on each CPU where "
        + "the backend knows it; KVM: virNodeGetCPUStats busy/idle time per CPU; Xen: the CPU time of the vCPUs "
        + "xl vcpu-list places on each CPU (approximate).")
final class HostStatsCommand extends HostSubcommand {
    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Override
    void run() throws InterruptedException {
        sampling.check(output());
        HostCpuSample previous = host().hostCpuSample();
        if (sampling.csv) {
            output().line("timestamp,cpu,percent,vcpus");
        }
        for (int printed = 0; sampling.more(printed); printed++) {
            sampling.sleep();
            HostCpuSample current = host().hostCpuSample();
            print(current, HostCpuRates.between(previous, current));
            previous = current;
        }
    }

    private void print(HostCpuSample sample, HostCpuRates rates) {
        if (output().isJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("timestamp", sample.timestamp().toString());
            m.put("totalPercent", Json.number(rates.totalPercent()));
            m.put("approximate", rates.approximate());
            List<Map<String, Object>> cpus = new ArrayList<>();
            rates.percent().forEach((cpu, p) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("cpu", cpu);
                c.put("percent", Json.number(p));
                c.put("vcpus", rates.placement().getOrDefault(cpu, List.of()));
                cpus.add(c);
            });
            m.put("cpus", cpus);
            output().json(m);
        } else if (sampling.csv) {
            rates.percent().forEach((cpu, p) -> output().line(sample.timestamp() + "," + cpu + ","
                    + StatsCsv.number(p.floatValue()) + "," + StatsCsv.quote(String.join(" ", rates.placement().getOrDefault(cpu, List.of())))));
        } else {
            output().line(sample.timestamp() + "  host CPU " + Sizes.percent(rates.totalPercent())
                    + (rates.approximate() ? " (from vCPU placement, approximate)" : ""));
            List<List<String>> rows = new ArrayList<>();
            rates.percent().forEach((cpu, p) -> rows.add(List.of(Integer.toString(cpu), Sizes.percent(p),
                    String.join(" ", rates.placement().getOrDefault(cpu, List.of())))));
            output().table(List.of("CPU", "LOAD", "VCPUS"), rows);
        }
    }
}
