package org.duovirt.core.stats.history;

import java.time.Duration;

/**
 * The ranges the Performance tab offers, each read from the finest tier of {@link HistoryTiers#STANDARD}
 * that reaches back that far.
 */
public enum HistoryRange {
    MINUTE(Duration.ofMinutes(1), 0),
    TEN_MINUTES(Duration.ofMinutes(10), 0),
    HOUR(Duration.ofHours(1), 1),
    DAY(Duration.ofHours(24), 2);

    private final Duration length;
    private final int tier;

    HistoryRange(Duration length, int tier) {
        this.length = length;
        this.tier = tier;
    }

    public Duration length() {
        return length;
    }

    /** The tier index in {@link HistoryTiers#STANDARD}. */
    public int tier() {
        return tier;
    }
}
