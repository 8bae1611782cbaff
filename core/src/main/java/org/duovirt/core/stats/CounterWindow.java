package org.duovirt.core.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Consecutive samples of one host turned into rates, the one place both {@code duovirt stats} and the
 * stats hub do it. Totals are rates over the last tick. Per-vCPU rates too, unless the hypervisor's
 * per-vCPU counters are coarse ({@link StatsSample#vcpuResolutionNs()}: {@code xl vcpu-list} counts tenths
 * of seconds, so one second holds ±10 % of quantisation): then they are averaged over the shortest window
 * of kept samples that brings the quantisation under {@link #MAX_VCPU_ERROR}, and say so in
 * {@link VmRates#vcpuWindowSeconds()}. Not thread-safe: one per poller.
 */
public final class CounterWindow {
    /** Largest quantisation error accepted for a per-vCPU rate, as a fraction of one CPU. */
    public static final double MAX_VCPU_ERROR = 0.035;
    private static final int MAX_KEPT = 64;
    private final Deque<StatsSample> kept = new ArrayDeque<>();

    /** Adds {@code current} and returns its rates against the samples before it. */
    public List<VmRates> add(StatsSample current) {
        StatsSample previous = kept.peekLast();
        double seconds = RateCalculator.seconds(previous, current);
        StatsSample vcpuBase = vcpuBase(current);
        double vcpuSeconds = RateCalculator.seconds(vcpuBase, current);
        boolean averaged = vcpuBase != previous;
        Map<String, VmCounters> before = previous == null ? Map.of() : previous.byName();
        Map<String, VmCounters> vcpuBefore = vcpuBase == null ? Map.of() : vcpuBase.byName();
        List<VmRates> out = new java.util.ArrayList<>(current.vms().size());
        for (VmCounters now : current.vms()) {
            out.add(RateCalculator.rates(before.get(now.name()), now, seconds,
                    vcpuBefore.get(now.name()), vcpuSeconds, averaged ? vcpuSeconds : 0));
        }
        kept.addLast(current);
        trim(current);
        return out;
    }

    /** Forgets every sample (a reconnect: counters of the new connection are not comparable in time). */
    public void reset() {
        kept.clear();
    }

    /** The window the per-vCPU counters need, in nanoseconds. */
    static long vcpuWindowNanos(StatsSample s) {
        return s.vcpuResolutionNs() <= 1 ? 0 : (long) Math.ceil(s.vcpuResolutionNs() / MAX_VCPU_ERROR);
    }

    /** The newest kept sample at least the vCPU window older than {@code current}, else the oldest kept. */
    private StatsSample vcpuBase(StatsSample current) {
        long window = vcpuWindowNanos(current);
        if (window == 0) {
            return kept.peekLast();
        }
        StatsSample base = null;
        for (Iterator<StatsSample> it = kept.descendingIterator(); it.hasNext(); ) {
            base = it.next();
            if (current.monotonicNanos() - base.monotonicNanos() >= window) {
                return base;
            }
        }
        return base;
    }

    private void trim(StatsSample current) {
        long window = vcpuWindowNanos(current);
        while (kept.size() > MAX_KEPT || kept.size() > 1 && window == 0) {
            kept.removeFirst();
        }
        // Keep exactly one sample older than the window: it is the next base.
        while (kept.size() > 2) {
            Iterator<StatsSample> it = kept.iterator();
            it.next();
            StatsSample second = it.next();
            if (current.monotonicNanos() - second.monotonicNanos() >= window) {
                kept.removeFirst();
            } else {
                break;
            }
        }
    }
}
