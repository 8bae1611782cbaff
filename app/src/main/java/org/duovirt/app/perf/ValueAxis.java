package org.duovirt.app.perf;

/**
 * Where a chart's value axis ends and how far apart its labels are: round steps (1, 2, 2.5, 5 × 10ⁿ) in the
 * unit the labels are printed in, so every label is exact and no two read the same. Byte and MiB charts step
 * in the IEC unit of their top (KiB, MiB, GiB: 1024-based), counts in plain decimals. A chart whose values
 * are all zero (an idle disk) gets its idle top, so its axis reads "0 B/s … 4.0 KiB/s", not "1 B/s" five times.
 *
 * @param top  the value at the top of the axis
 * @param step the distance between two labels; {@code top} is a whole number of steps
 */
public record ValueAxis(double top, double step) {
    /** How a chart's values are scaled: 1024-based units or decimals, and the top when everything is 0. */
    public record Scale(boolean binary, double idleTop) {
        /** Bytes/s (B/s, KiB/s, MiB/s …) and MiB (MiB, GiB): steps in the unit of the top; idle top 4 units. */
        public static final Scale BINARY = new Scale(true, 4);
        /** Bytes/s: idle at 0 … 4 KiB/s. */
        public static final Scale BYTE_RATE = new Scale(true, 4096);
        /** Requests/s, packets/s: decimals, at least 0.1 apart (the labels print one decimal). */
        public static final Scale DECIMAL = new Scale(false, 4);
    }

    private static final int MAX_STEPS = 4;

    /** The axis for a fixed top (100 % for CPU): four equal steps. */
    public static ValueAxis fixed(double top) {
        return new ValueAxis(top, top / MAX_STEPS);
    }

    /** The axis that holds {@code max} (NaN or ≤ 0: the scale's idle top) in at most four round steps. */
    public static ValueAxis fit(double max, Scale scale) {
        double m = max > 0 && Double.isFinite(max) ? max : scale.idleTop();
        double unit = 1;
        if (scale.binary()) {
            while (m >= unit * 1024 && unit < 0x1p60) {
                unit *= 1024;
            }
        }
        double step = round(m / MAX_STEPS / unit) * unit;
        if (!scale.binary()) {
            step = Math.max(step, 0.1);
        } else if (unit == 1) {
            step = Math.max(step, 1);
        }
        double top = Math.ceil(m / step - 1e-9) * step;
        if (scale.binary() && top >= unit * 1024) {
            // e.g. 1000 B/s rounds up to a 1500 B/s top, which would print as "1.5 KiB/s": step in KiB instead
            unit *= 1024;
            step = round(m / MAX_STEPS / unit) * unit;
            top = Math.ceil(m / step - 1e-9) * step;
        }
        return new ValueAxis(top, step);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ raw (2.5 only from 2.5 up: the labels print one decimal). */
    static double round(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f == 2.5 && magnitude < 1) {
                continue;
            }
            if (f * magnitude >= raw * (1 - 1e-9)) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** How many steps from 0 to the top. */
    public int steps() {
        return (int) Math.round(top / step);
    }

    /** The value of label {@code i} (0 at the bottom … {@link #steps()} at the top). */
    public double value(int i) {
        return step * i;
    }
}
