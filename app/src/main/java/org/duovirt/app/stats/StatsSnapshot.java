package org.duovirt.app.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duovirt.core.stats.VmRates;

/**
 * The newest tick of a hub, immutable: what the UI thread reads in one go. The longer past is in the hub's
 * {@link org.duovirt.core.stats.history.HistoryStore}.
 *
 * @param tick a number that grows with every tick, so a reader sees whether anything changed
 */
public record StatsSnapshot(long tick, Instant time, Map<String, VmRates> vms) {
    public static final StatsSnapshot NONE = new StatsSnapshot(0, Instant.EPOCH, Map.of());

    public StatsSnapshot {
        vms = Map.copyOf(vms);
    }

    static StatsSnapshot of(long tick, Instant time, List<VmRates> rates) {
        Map<String, VmRates> byName = new java.util.HashMap<>();
        rates.forEach(r -> byName.put(r.name(), r));
        return new StatsSnapshot(tick, time, byName);
    }

    public Optional<VmRates> vm(String name) {
        return Optional.ofNullable(vms.get(name));
    }
}
