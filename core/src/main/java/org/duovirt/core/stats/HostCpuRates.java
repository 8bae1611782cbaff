package org.duovirt.core.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-physical-CPU load between two {@link HostCpuSample}s, % of that CPU (ADR 0003), and the host's total as
 * % of all its CPUs. Where the toolstack counts busy and idle time per CPU (libvirt's virNodeGetCPUStats) the
 * load is busy ÷ (busy + idle); where it does not (Xen's xl), it is the CPU time the vCPUs now placed on that
 * CPU used over the interval — approximate, since a vCPU may have moved during it ({@link #approximate}).
 *
 * @param percent   per CPU number, 0–100, NaN when unknown
 * @param placement per CPU number, the vCPUs on it now ("web/0")
 */
public record HostCpuRates(Map<Integer, Double> percent, double totalPercent, Map<Integer, List<String>> placement,
                           boolean approximate) {
    public static HostCpuRates between(HostCpuSample before, HostCpuSample now) {
        Map<Integer, Double> percent = new TreeMap<>();
        Map<Integer, List<String>> placement = new TreeMap<>();
        for (HostCpuSample.Cpu c : now.cpus()) {
            percent.put(c.cpu(), Double.NaN);
            placement.put(c.cpu(), new ArrayList<>());
        }
        for (HostCpuSample.PlacedVcpu v : now.vcpus()) {
            if (v.cpu() >= 0) {
                placement.computeIfAbsent(v.cpu(), k -> new ArrayList<>()).add(v.vm() + "/" + v.vcpu());
            }
        }
        double seconds = (now.monotonicNanos() - before.monotonicNanos()) / 1e9;
        boolean counted = !now.cpus().isEmpty() && now.cpus().stream().allMatch(c -> c.busyNs() != VmCounters.UNKNOWN);
        if (counted) {
            Map<Integer, HostCpuSample.Cpu> was = new HashMap<>();
            before.cpus().forEach(c -> was.put(c.cpu(), c));
            for (HostCpuSample.Cpu c : now.cpus()) {
                HostCpuSample.Cpu p = was.get(c.cpu());
                if (p != null) {
                    double busy = c.busyNs() - p.busyNs();
                    double all = busy + (c.idleNs() - p.idleNs());
                    percent.put(c.cpu(), all > 0 && busy >= 0 ? Math.min(100, 100 * busy / all) : Double.NaN);
                }
            }
        } else if (seconds > 0) {
            Map<String, Long> was = new HashMap<>();
            before.vcpus().forEach(v -> was.put(v.vm() + "/" + v.vcpu(), v.timeNs()));
            Map<Integer, Double> busy = new TreeMap<>();
            for (HostCpuSample.PlacedVcpu v : now.vcpus()) {
                Long t = was.get(v.vm() + "/" + v.vcpu());
                if (v.cpu() >= 0 && t != null && v.timeNs() >= t) {
                    busy.merge(v.cpu(), (v.timeNs() - t) / 1e9, Double::sum);
                }
            }
            for (Integer cpu : percent.keySet()) {
                percent.put(cpu, Math.min(100, 100 * busy.getOrDefault(cpu, 0.0) / seconds));
            }
        }
        double sum = 0;
        int known = 0;
        for (double p : percent.values()) {
            if (!Double.isNaN(p)) {
                sum += p;
                known++;
            }
        }
        return new HostCpuRates(percent, known == 0 ? Double.NaN : sum / known, placement, !counted);
    }
}
