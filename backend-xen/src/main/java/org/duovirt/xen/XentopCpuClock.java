package org.duovirt.xen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.xen.parse.XentopDomain;

/**
 * A nanosecond CPU-time counter per domain made from xentop's CPU(%) column. xentop's CPU(sec) is whole
 * seconds, so a rate from it at a 1 s interval is 0 % or 100 %; CPU(%) is computed by xentop from the
 * hypervisor's nanosecond counters over its own interval. Adding CPU(%) × the time between iterations
 * gives a counter whose rate between two consecutive iterations is exactly that CPU(%), and whose
 * rate over longer windows is the time-weighted mean. It starts at CPU(sec) and restarts there when
 * CPU(sec) goes backwards (a new domain of the same name). Confined to the stream's reader thread.
 */
final class XentopCpuClock {
    private record State(long cpuSeconds, long counterNs, long atNanos) {
    }

    private Map<String, State> states = new HashMap<>();

    /** The counters after one iteration read at {@code nanos} (System.nanoTime()). */
    Map<String, Long> advance(List<XentopDomain> iteration, long nanos) {
        Map<String, State> next = new HashMap<>();
        Map<String, Long> out = new HashMap<>();
        for (XentopDomain d : iteration) {
            State before = states.get(d.name());
            long counter;
            if (before == null || d.cpuSeconds() < before.cpuSeconds()) {
                counter = d.cpuSeconds() * 1_000_000_000L;
            } else {
                counter = before.counterNs() + Math.round(d.cpuPercent() / 100.0 * (nanos - before.atNanos()));
            }
            next.put(d.name(), new State(d.cpuSeconds(), counter, nanos));
            out.put(d.name(), counter);
        }
        states = next;
        return out;
    }
}
