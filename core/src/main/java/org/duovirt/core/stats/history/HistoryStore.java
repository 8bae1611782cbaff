package org.duovirt.core.stats.history;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.VmSeries;

/**
 * The histories of one host's VMs, by VM name. It lives as long as the host's place in the window, not
 * as long as one connection or one run of a VM: a VM that stops gets a gap and carries on when it starts
 * again; a reconnect carries on the same histories.
 */
public final class HistoryStore {
    private final List<Tier> tiers;
    private final Map<String, VmHistory> vms = new ConcurrentHashMap<>();

    public HistoryStore() {
        this(HistoryTiers.STANDARD);
    }

    public HistoryStore(List<Tier> tiers) {
        this.tiers = List.copyOf(tiers);
    }

    /**
     * Records one tick: every VM in {@code rates} gets a sample, every other VM it knew gets a gap.
     *
     * @param vcpus the VM's vCPU count for the share-of-its-vCPUs CPU figure (0 when unknown)
     */
    public void record(long timeMillis, List<VmRates> rates, ToIntFunction<String> vcpus) {
        Set<String> seen = new java.util.HashSet<>();
        for (VmRates r : rates) {
            seen.add(r.name());
            vms.computeIfAbsent(r.name(), n -> new VmHistory(tiers))
                    .add(timeMillis, VmSeries.of(r, vcpus.applyAsInt(r.name())));
        }
        vms.forEach((name, h) -> {
            if (!seen.contains(name)) {
                h.gap(timeMillis);
            }
        });
    }

    /** Gaps for every VM (the host was lost or stopped sampling). */
    public void gapAll(long timeMillis) {
        vms.values().forEach(h -> h.gap(timeMillis));
    }

    /** The history of {@code vm}, or null before its first sample. */
    public VmHistory vm(String vm) {
        return vms.get(vm);
    }

    public Set<String> names() {
        return Set.copyOf(vms.keySet());
    }
}
