package org.duovirt.core.stats.history;

/**
 * One resolution of a history. The raw tier ({@code resolutionMillis == 0}) keeps every sample with its
 * own timestamp; a coarse tier keeps one average per wall-clock-aligned bucket, so its timestamps are
 * implied by the bucket number and cost no memory.
 *
 * @param capacity samples (raw) or buckets (coarse) kept
 */
public record Tier(long resolutionMillis, int capacity) {
    public Tier {
        if (capacity < 2 || resolutionMillis < 0) {
            throw new IllegalArgumentException("A tier needs at least 2 slots and a resolution of 0 ms or more.");
        }
    }

    public boolean raw() {
        return resolutionMillis == 0;
    }

    /** How far back a coarse tier reaches. */
    public long spanMillis() {
        return resolutionMillis * capacity;
    }
}
