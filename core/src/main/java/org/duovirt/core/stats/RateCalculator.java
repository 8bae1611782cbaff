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
        double seconds = seconds(previous, current);
        List<VmRates> out = new ArrayList<>(current.vms().size());
        for (VmCounters now : current.vms()) {
            out.add(rates(before.get(now.name()), now, seconds));
        }
        return out;
    }

    /** Wall seconds between two samples; 0 when there is no earlier one. */
    static double seconds(StatsSample previous, StatsSample current) {
        return previous == null ? 0 : (current.monotonicNanos() - previous.monotonicNanos()) / 1e9;
    }

    /** Rates of one VM over {@code seconds}; {@code before} may be null. */
    public static VmRates rates(VmCounters before, VmCounters now, double seconds) {
        return rates(before, now, seconds, before, seconds, 0);
    }

    /**
     * Rates of one VM, the per-vCPU ones taken over a longer window ({@code vcpuBefore}, {@code vcpuSeconds})
     * when the hypervisor's per-vCPU counters are too coarse for one tick.
     */
    static VmRates rates(VmCounters before, VmCounters now, double seconds,
                         VmCounters vcpuBefore, double vcpuSeconds, double vcpuWindow) {
        boolean comparable = before != null && seconds > 0;
        double cpu = comparable ? percent(before.cpuTimeNs(), now.cpuTimeNs(), seconds) : Double.NaN;
        double[] vcpu = new double[now.vcpuCount()];
        boolean vcpuComparable = vcpuBefore != null && vcpuSeconds > 0;
        for (int i = 0; i < vcpu.length; i++) {
            vcpu[i] = vcpuComparable && i < vcpuBefore.vcpuCount()
                    ? Math.min(100.0, percent(vcpuBefore.vcpuTimeNs(i), now.vcpuTimeNs(i), vcpuSeconds))
                    : Double.NaN;
        }
        long usedKiB = now.memoryUsedKiB() != VmCounters.UNKNOWN ? now.memoryUsedKiB() : now.memoryCurrentKiB();
        double s = comparable ? seconds : 0;
        VmCounters b = comparable ? before : null;
        return new VmRates(now.name(), cpu, vcpu, mib(usedKiB),
                perSecond(b, before == null ? 0 : before.blockReadBytes(), now.blockReadBytes(), s),
                perSecond(b, before == null ? 0 : before.blockWriteBytes(), now.blockWriteBytes(), s),
                perSecond(b, before == null ? 0 : before.netRxBytes(), now.netRxBytes(), s),
                perSecond(b, before == null ? 0 : before.netTxBytes(), now.netTxBytes(), s),
                perSecond(b, before == null ? 0 : before.blockReadRequests(), now.blockReadRequests(), s),
                perSecond(b, before == null ? 0 : before.blockWriteRequests(), now.blockWriteRequests(), s),
                perSecond(b, before == null ? 0 : before.netRxPackets(), now.netRxPackets(), s),
                perSecond(b, before == null ? 0 : before.netTxPackets(), now.netTxPackets(), s),
                mib(now.memoryAvailableKiB()), mib(now.memoryCurrentKiB()),
                devices(b == null ? List.of() : b.disks(), now.disks(), s),
                devices(b == null ? List.of() : b.nics(), now.nics(), s),
                vcpuWindow);
    }

    /** Per-device rates, matched by device name (a hot-plugged device has no rate in its first tick). */
    private static List<IoRates> devices(List<IoCounters> before, List<IoCounters> now, double seconds) {
        List<IoRates> out = new ArrayList<>(now.size());
        for (IoCounters d : now) {
            IoCounters p = null;
            for (IoCounters candidate : before) {
                if (candidate.device().equals(d.device())) {
                    p = candidate;
                    break;
                }
            }
            boolean ok = p != null && seconds > 0;
            out.add(new IoRates(d.device(),
                    ok ? perSecond(p.readBytes(), d.readBytes(), seconds) : Double.NaN,
                    ok ? perSecond(p.writeBytes(), d.writeBytes(), seconds) : Double.NaN,
                    ok ? perSecond(p.readOps(), d.readOps(), seconds) : Double.NaN,
                    ok ? perSecond(p.writeOps(), d.writeOps(), seconds) : Double.NaN));
        }
        return out;
    }

    private static long mib(long kib) {
        return kib < 0 ? -1 : kib / 1024;
    }

    private static double perSecond(VmCounters before, long was, long now, double seconds) {
        return before == null ? Double.NaN : perSecond(was, now, seconds);
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
