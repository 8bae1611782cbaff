package org.duovirt.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns two cumulative samples into rates. Shared by the CLI and the UI so both show the same figures.
 */
public final class RateCalculator {
    private RateCalculator() {
    }

    /** Rates for every VM of {@code current}; VMs absent from {@code previous} get NaN rates. */
    public static List<VmRates> rates(StatsSample previous, StatsSample current) {
        Map<String, VmCounters> before = previous == null ? Map.of() : previous.byName();
        double seconds = previous == null ? 0 : (current.monotonicNanos() - previous.monotonicNanos()) / 1e9;
        List<VmRates> out = new ArrayList<>(current.vms().size());
        for (VmCounters now : current.vms()) {
            out.add(rates(before.get(now.name()), now, seconds));
        }
        return out;
    }

    /** Rates of one VM over {@code seconds}; {@code before} may be null. */
    public static VmRates rates(VmCounters before, VmCounters now, double seconds) {
        boolean comparable = before != null && seconds > 0;
        double cpu = comparable ? percent(before.cpuTimeNs(), now.cpuTimeNs(), seconds) : Double.NaN;
        double[] vcpu = new double[now.vcpuCount()];
        for (int i = 0; i < vcpu.length; i++) {
            vcpu[i] = comparable && i < before.vcpuCount()
                    ? Math.min(100.0, percent(before.vcpuTimeNs(i), now.vcpuTimeNs(i), seconds))
                    : Double.NaN;
        }
        long usedKiB = now.memoryUsedKiB() != VmCounters.UNKNOWN ? now.memoryUsedKiB() : now.memoryCurrentKiB();
        return new VmRates(now.name(), cpu, vcpu, usedKiB < 0 ? -1 : usedKiB / 1024,
                comparable ? perSecond(before.blockReadBytes(), now.blockReadBytes(), seconds) : Double.NaN,
                comparable ? perSecond(before.blockWriteBytes(), now.blockWriteBytes(), seconds) : Double.NaN,
                comparable ? perSecond(before.netRxBytes(), now.netRxBytes(), seconds) : Double.NaN,
                comparable ? perSecond(before.netTxBytes(), now.netTxBytes(), seconds) : Double.NaN);
    }

    /** CPU nanoseconds over wall seconds as a percentage of one CPU; NaN when unknown or reset. */
    static double percent(long beforeNs, long nowNs, double seconds) {
        double delta = delta(beforeNs, nowNs);
        return Double.isNaN(delta) ? Double.NaN : delta / (seconds * 1e9) * 100.0;
    }

    static double perSecond(long before, long now, double seconds) {
        double delta = delta(before, now);
        return Double.isNaN(delta) ? Double.NaN : delta / seconds;
    }

    /** A counter that went backwards means the VM restarted: there is no rate, not a negative one. */
    private static double delta(long before, long now) {
        if (before == VmCounters.UNKNOWN || now == VmCounters.UNKNOWN || now < before) {
            return Double.NaN;
        }
        return now - before;
    }
}
