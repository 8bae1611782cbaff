package org.duovirt.app.host;

/**
 * An immutable snapshot of one sparkline: oldest value first, NaN where no value was known.
 *
 * @param max   the value drawn at the top (100 for percentages, the largest value for rates)
 * @param label the latest value as text, e.g. "12 %" or "1.2 MiB/s"; empty when unknown
 */
public record Series(double[] values, double max, String label) {
    public static final Series EMPTY = new Series(new double[0], 1, "");
    /** Samples a sparkline shows: the newest 60 of the VM's history. */
    public static final int POINTS = 60;

    public Series {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }
}
