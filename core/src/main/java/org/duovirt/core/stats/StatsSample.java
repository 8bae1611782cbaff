package org.duovirt.core.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bulk sample of all (or the asked-for) VMs of a host.
 *
 * @param timestamp        wall-clock time of the sample, for display and CSV
 * @param monotonicNanos   {@link System#nanoTime()} when the sample was taken; rates divide by its differences
 * @param vcpuResolutionNs the step of the per-vCPU counters: 1 when they count nanoseconds (libvirt),
 *                         100 ms for {@code xl vcpu-list}'s tenths of seconds; {@link CounterWindow}
 *                         averages coarse ones over a longer window
 */
public record StatsSample(Instant timestamp, long monotonicNanos, List<VmCounters> vms, long vcpuResolutionNs) {
    public StatsSample {
        vms = List.copyOf(vms);
        vcpuResolutionNs = Math.max(1, vcpuResolutionNs);
    }

    /** A sample whose counters all count nanoseconds. */
    public StatsSample(Instant timestamp, long monotonicNanos, List<VmCounters> vms) {
        this(timestamp, monotonicNanos, vms, 1);
    }

    public static StatsSample now(List<VmCounters> vms) {
        return new StatsSample(Instant.now(), System.nanoTime(), vms);
    }

    public Optional<VmCounters> vm(String name) {
        return vms.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The VMs keyed by name, in sample order. */
    public Map<String, VmCounters> byName() {
        Map<String, VmCounters> map = new LinkedHashMap<>();
        vms.forEach(v -> map.put(v.name(), v));
        return map;
    }
}
