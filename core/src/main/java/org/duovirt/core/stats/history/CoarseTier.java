package org.duovirt.core.stats.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One coarse tier of one VM: a ring of per-bucket averages per series. The bucket being filled is written
 * through on every sample (its running average), so a reader always sees it. Buckets no sample fell into
 * stay NaN: a gap. Confined to its {@link VmHistory}'s lock.
 */
final class CoarseTier {
    private final Tier tier;
    private final List<float[]> rings = new ArrayList<>();
    private double[] sums = new double[0];
    private int[] counts = new int[0];
    private long headBucket = Long.MIN_VALUE;
    private long firstBucket = Long.MIN_VALUE;

    CoarseTier(Tier tier) {
        this.tier = tier;
    }

    void addSeries() {
        rings.add(null);
        sums = Arrays.copyOf(sums, rings.size());
        counts = Arrays.copyOf(counts, rings.size());
    }

    void add(long timeMillis, float[] values) {
        long bucket = Math.floorDiv(timeMillis, tier.resolutionMillis());
        if (headBucket == Long.MIN_VALUE) {
            headBucket = bucket;
            firstBucket = bucket;
        } else if (bucket > headBucket) {
            long skipped = Math.min(bucket - headBucket - 1, tier.capacity());
            for (long b = bucket - skipped; b < bucket; b++) {
                writeAll(b, Float.NaN);
            }
            headBucket = bucket;
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            writeAll(bucket, Float.NaN);
        } else if (bucket < headBucket) {
            return; // the clock went back: the bucket is gone already
        }
        for (int s = 0; s < values.length; s++) {
            if (!Float.isNaN(values[s])) {
                sums[s] += values[s];
                counts[s]++;
                ring(s)[slot(bucket)] = (float) (sums[s] / counts[s]);
            }
        }
    }

    private void writeAll(long bucket, float value) {
        for (float[] ring : rings) {
            if (ring != null) {
                ring[slot(bucket)] = value;
            }
        }
    }

    /** Allocated on the first known value: a metric a VM never reports costs nothing. */
    private float[] ring(int series) {
        float[] ring = rings.get(series);
        if (ring == null) {
            ring = new float[tier.capacity()];
            Arrays.fill(ring, Float.NaN);
            rings.set(series, ring);
        }
        return ring;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) tier.capacity());
    }

    /** Buckets whose start lies in [from, to], oldest first, clipped to what the ring still holds. */
    HistoryWindow window(List<org.duovirt.core.stats.SeriesKey> keys, long fromMillis, long toMillis) {
        if (headBucket == Long.MIN_VALUE) {
            return new HistoryWindow(keys, new long[0], new float[keys.size()][0]);
        }
        long first = Math.max(Math.floorDiv(fromMillis, tier.resolutionMillis()),
                Math.max(firstBucket, headBucket - tier.capacity() + 1));
        long last = Math.min(Math.floorDiv(toMillis, tier.resolutionMillis()), headBucket);
        int n = (int) Math.max(0, last - first + 1);
        long[] times = new long[n];
        float[][] values = new float[keys.size()][n];
        for (int i = 0; i < n; i++) {
            times[i] = (first + i) * tier.resolutionMillis();
        }
        for (int s = 0; s < keys.size(); s++) {
            float[] ring = rings.get(s);
            for (int i = 0; i < n; i++) {
                values[s][i] = ring == null ? Float.NaN : ring[slot(first + i)];
            }
        }
        return new HistoryWindow(keys, times, values);
    }

    long bytes() {
        long b = 0;
        for (float[] ring : rings) {
            b += ring == null ? 0 : 16 + 4L * ring.length;
        }
        return b + 16 + 8L * sums.length + 16 + 4L * counts.length;
    }
}
