package org.duovirt.app.host;

import java.util.Locale;

/** Short human figures for cells: "12 %", "1.5 MiB/s", "2.0 GiB". */
public final class Units {
    private Units() {
    }

    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }

    public static String rate(double bytesPerSecond) {
        String[] units = {"B/s", "KiB/s", "MiB/s", "GiB/s"};
        double v = bytesPerSecond;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }

    public static String mebibytes(long mib) {
        if (mib >= 1024) {
            double gib = mib / 1024.0;
            return String.format(Locale.ROOT, gib == Math.rint(gib) ? "%.0f GiB" : "%.1f GiB", gib);
        }
        return mib + " MiB";
    }

    public static String bytes(long bytes) {
        return bytes < 0 ? "?" : mebibytes(bytes / (1024 * 1024));
    }
}
