package org.duovirt.app.host;

/** Turns history rows into the table's {@link Series}: percentages against 100, rates autoscaled. */
final class Sparklines {
    private Sparklines() {
    }

    static Series percent(float[] values) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.isNaN(values[i]) ? Double.NaN : Math.max(0, Math.min(100, values[i]));
        }
        return new Series(v, 100, label(v, Units::percent));
    }

    /** The sum of two rates (read + write, rx + tx); unknown only when both are. */
    static Series rate(float[] a, float[] b) {
        double[] v = new double[a.length];
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            boolean na = Float.isNaN(a[i]);
            boolean nb = Float.isNaN(b[i]);
            v[i] = na && nb ? Double.NaN : (na ? 0 : a[i]) + (nb ? 0 : b[i]);
            if (!Double.isNaN(v[i])) {
                max = Math.max(max, v[i]);
            }
        }
        return new Series(v, max <= 0 ? 1 : max, label(v, Units::rate));
    }

    private static String label(double[] v, java.util.function.DoubleFunction<String> format) {
        double last = v.length == 0 ? Double.NaN : v[v.length - 1];
        return Double.isNaN(last) ? "" : format.apply(last);
    }
}
