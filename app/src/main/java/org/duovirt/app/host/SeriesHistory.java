package org.duovirt.app.host;

import java.util.function.DoubleFunction;

/** A ring buffer of the last samples of one metric. Confined to the UI thread. */
public final class SeriesHistory {
    public static final int CAPACITY = 60;
    private final double[] ring = new double[CAPACITY];
    private final boolean percent;
    private final DoubleFunction<String> format;
    private int start;
    private int size;

    /**
     * @param percent true for 0–100 values drawn against a fixed top of 100; false autoscales
     */
    public SeriesHistory(boolean percent, DoubleFunction<String> format) {
        this.percent = percent;
        this.format = format;
    }

    public void add(double value) {
        if (size < CAPACITY) {
            ring[(start + size++) % CAPACITY] = value;
        } else {
            ring[start] = value;
            start = (start + 1) % CAPACITY;
        }
    }

    public void clear() {
        size = 0;
        start = 0;
    }

    public Series snapshot() {
        double[] values = new double[size];
        double max = percent ? 100 : 0;
        for (int i = 0; i < size; i++) {
            values[i] = ring[(start + i) % CAPACITY];
            if (!percent && !Double.isNaN(values[i])) {
                max = Math.max(max, values[i]);
            }
        }
        double last = size == 0 ? Double.NaN : values[size - 1];
        return new Series(values, max <= 0 ? 1 : max, Double.isNaN(last) ? "" : format.apply(last));
    }
}
