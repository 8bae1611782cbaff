package org.duovirt.app.stats;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.duovirt.core.stats.StatsGroup;

/**
 * What one consumer of a {@link StatsHub} wants: which VMs (empty: all), which groups, how often. The hub
 * samples the union of its subscriptions at the shortest interval. Close it when the consumer goes.
 */
public final class StatsSubscription implements AutoCloseable {
    private final StatsHub hub;
    private final Set<String> vms;
    private final Runnable onUpdate;
    private volatile Set<StatsGroup> groups;
    private volatile Duration interval;

    StatsSubscription(StatsHub hub, Set<String> vms, Set<StatsGroup> groups, Duration interval, Runnable onUpdate) {
        this.hub = hub;
        this.vms = Set.copyOf(vms);
        this.groups = copy(groups);
        this.interval = interval;
        this.onUpdate = onUpdate;
    }

    public Set<String> vms() {
        return vms;
    }

    public Set<StatsGroup> groups() {
        return groups;
    }

    public Duration interval() {
        return interval;
    }

    /** Asks for other groups from the next tick on (the table's visible columns changed). */
    public void groups(Set<StatsGroup> newGroups) {
        groups = copy(newGroups);
        hub.changed();
    }

    /** Samples at another interval from now on (the host's update interval setting). */
    public void interval(Duration newInterval) {
        interval = newInterval;
        hub.changed();
    }

    /** Called on the UI thread after each tick, at most once per pulse however many ticks came. */
    void updated() {
        onUpdate.run();
    }

    @Override
    public void close() {
        hub.unsubscribe(this);
    }

    private static Set<StatsGroup> copy(Set<StatsGroup> groups) {
        return groups.isEmpty() ? EnumSet.noneOf(StatsGroup.class) : EnumSet.copyOf(groups);
    }
}
