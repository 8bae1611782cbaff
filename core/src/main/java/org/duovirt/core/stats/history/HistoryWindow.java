package org.duovirt.core.stats.history;

import java.util.List;
import org.duovirt.core.stats.SeriesKey;

/**
 * An immutable copy of part of one VM's history: what a chart draws and a CSV export writes. NaN is "no
 * value" (a gap: the VM was stopped, the host away, the metric not sampled).
 *
 * @param times  epoch milliseconds, oldest first (a coarse tier gives each bucket's start)
 * @param values {@code values[series][sample]}, series in the order of {@code keys}
 */
public record HistoryWindow(List<SeriesKey> keys, long[] times, float[][] values) {
    public static final HistoryWindow EMPTY = new HistoryWindow(List.of(), new long[0], new float[0][]);

    public HistoryWindow {
        keys = List.copyOf(keys);
        // Built by VmHistory from fresh arrays nobody else holds; accessors hand out copies.
    }

    public int size() {
        return times.length;
    }

    public long time(int sample) {
        return times[sample];
    }

    public int indexOf(SeriesKey key) {
        return keys.indexOf(key);
    }

    /** The value of series {@code series} at {@code sample}, NaN when unknown. */
    public float value(int series, int sample) {
        return values[series][sample];
    }

    /** The series of {@code key}, or all NaN when this VM never had it. */
    public float[] series(SeriesKey key) {
        int i = indexOf(key);
        if (i < 0) {
            float[] none = new float[times.length];
            java.util.Arrays.fill(none, Float.NaN);
            return none;
        }
        return values[i].clone();
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public float[][] values() {
        float[][] copy = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
