package org.duovirt.core.stats.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duovirt.core.stats.SeriesKey;

/**
 * The raw tier of one VM: the last N samples as they came, each with its own timestamp (an int of
 * milliseconds after a base, rebased before it could overflow), one float ring per series. A sample
 * of all NaN marks a gap. Confined to its {@link VmHistory}'s lock.
 */
final class RawTier {
    private final int capacity;
    private final int[] times;
    private final List<float[]> rings = new ArrayList<>();
    private long baseMillis = Long.MIN_VALUE;
    private int start;
    private int size;

    RawTier(Tier tier) {
        this.capacity = tier.capacity();
        this.times = new int[capacity];
    }

    void addSeries() {
        rings.add(null);
    }

    int size() {
        return size;
    }

    /** The time of the newest sample, or Long.MIN_VALUE when empty. */
    long lastTime() {
        return size == 0 ? Long.MIN_VALUE : time(size - 1);
    }

    boolean lastIsGap() {
        if (size == 0) {
            return true;
        }
        int slot = (start + size - 1) % capacity;
        for (float[] ring : rings) {
            if (ring != null && !Float.isNaN(ring[slot])) {
                return false;
            }
        }
        return true;
    }

    void add(long timeMillis, float[] values) {
        if (baseMillis == Long.MIN_VALUE) {
            baseMillis = timeMillis;
        }
        if (timeMillis - baseMillis > Integer.MAX_VALUE / 2) {
            rebase();
        }
        int slot;
        if (size < capacity) {
            slot = (start + size++) % capacity;
        } else {
            slot = start;
            start = (start + 1) % capacity;
        }
        times[slot] = (int) Math.max(Integer.MIN_VALUE, timeMillis - baseMillis);
        for (int s = 0; s < rings.size(); s++) {
            float v = s < values.length ? values[s] : Float.NaN;
            float[] ring = rings.get(s);
            if (ring == null && !Float.isNaN(v)) {
                ring = new float[capacity];
                Arrays.fill(ring, Float.NaN);
                rings.set(s, ring);
            }
            if (ring != null) {
                ring[slot] = v;
            }
        }
    }

    /** Moves the base to the oldest kept sample, so the offsets start again from 0. */
    private void rebase() {
        long oldest = time(0);
        int shift = (int) (oldest - baseMillis);
        for (int i = 0; i < capacity; i++) {
            times[i] -= shift;
        }
        baseMillis = oldest;
    }

    private long time(int i) {
        return baseMillis + times[(start + i) % capacity];
    }

    /** Samples whose time lies in [from, to], oldest first. */
    HistoryWindow window(List<SeriesKey> keys, long fromMillis, long toMillis) {
        int first = 0;
        while (first < size && time(first) < fromMillis) {
            first++;
        }
        int last = size - 1;
        while (last >= first && time(last) > toMillis) {
            last--;
        }
        return copy(keys, first, last - first + 1, null);
    }

    /** The newest {@code n} samples. */
    HistoryWindow latest(List<SeriesKey> keys, int n) {
        int count = Math.min(n, size);
        return copy(keys, size - count, count, null);
    }

    /** The newest {@code n} samples of a subset of the series, found by their ring index. */
    HistoryWindow latest(List<SeriesKey> subset, java.util.Map<SeriesKey, Integer> index, int n) {
        int count = Math.min(n, size);
        int[] rings = subset.stream().mapToInt(index::get).toArray();
        return copy(subset, size - count, count, rings);
    }

    private HistoryWindow copy(List<SeriesKey> keys, int from, int n, int[] ringOf) {
        long[] t = new long[n];
        float[][] values = new float[keys.size()][n];
        for (int i = 0; i < n; i++) {
            t[i] = time(from + i);
        }
        for (int s = 0; s < keys.size(); s++) {
            float[] ring = rings.get(ringOf == null ? s : ringOf[s]);
            for (int i = 0; i < n; i++) {
                values[s][i] = ring == null ? Float.NaN : ring[(start + from + i) % capacity];
            }
        }
        return new HistoryWindow(keys, t, values);
    }

    long bytes() {
        long b = 16 + 4L * times.length;
        for (float[] ring : rings) {
            b += ring == null ? 0 : 16 + 4L * ring.length;
        }
        return b;
    }
}
