package org.duovirt.app.perf;

import java.util.List;

/**
 * What one {@link TimeChart} draws: a time range, the sample times and one or more lines over them.
 *
 * @param fromMillis left edge of the time axis (epoch ms)
 * @param toMillis   right edge
 * @param fixedMax   the top of the value axis (100 for percentages), or NaN to fit the data
 * @param scale      how a fitted axis steps (1024-based units or decimals) and where it ends when all is 0
 */
public record ChartData(long fromMillis, long toMillis, long[] times, List<Line> lines, double fixedMax,
        ValueAxis.Scale scale) {
    public static final ChartData EMPTY = new ChartData(0, 1, new long[0], List.of(), Double.NaN);

    /** A chart of plain decimal values (or a fixed top). */
    public ChartData(long fromMillis, long toMillis, long[] times, List<Line> lines, double fixedMax) {
        this(fromMillis, toMillis, times, lines, fixedMax, ValueAxis.Scale.DECIMAL);
    }

    /** One line; NaN values are gaps. */
    public record Line(String label, float[] values) {
    }

    public ChartData {
        lines = List.copyOf(lines);
        scale = scale == null ? ValueAxis.Scale.DECIMAL : scale;
    }

    public int size() {
        return times.length;
    }

    /** The sample nearest to {@code timeMillis}, or -1 without samples. */
    public int nearest(long timeMillis) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < times.length; i++) {
            long d = Math.abs(times[i] - timeMillis);
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The top of the value axis. */
    public double top() {
        return axis().top();
    }

    /** The value axis: the fixed top, else the largest value rounded up to a whole number of round steps. */
    public ValueAxis axis() {
        if (!Double.isNaN(fixedMax)) {
            return ValueAxis.fixed(fixedMax);
        }
        double max = 0;
        for (Line l : lines) {
            for (float v : l.values()) {
                if (!Float.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return ValueAxis.fit(max, scale);
    }
}
