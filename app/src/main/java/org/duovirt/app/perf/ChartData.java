package org.duovirt.app.perf;

import java.util.List;

/**
 * What one {@link TimeChart} draws: a time range, the sample times and one or more lines over them.
 *
 * @param fromMillis left edge of the time axis (epoch ms)
 * @param toMillis   right edge
 * @param fixedMax   the top of the value axis (100 for percentages), or NaN to fit the data
 */
public record ChartData(long fromMillis, long toMillis, long[] times, List<Line> lines, double fixedMax) {
    public static final ChartData EMPTY = new ChartData(0, 1, new long[0], List.of(), Double.NaN);

    /** One line; NaN values are gaps. */
    public record Line(String label, float[] values) {
    }

    public ChartData {
        lines = List.copyOf(lines);
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

    /** The top of the value axis: the fixed one, else the largest value (at least 1). */
    public double top() {
        if (!Double.isNaN(fixedMax)) {
            return fixedMax;
        }
        double max = 0;
        for (Line l : lines) {
            for (float v : l.values()) {
                if (!Float.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        return max <= 0 ? 1 : max * 1.1;
    }
}
