package org.duovirt.app.storage;

import java.util.Locale;

/** Sizes in IEC units for the host tabs ("228.8 GiB"); unknown (negative) shows as a dash. */
final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Sizes() {
    }

    static String iec(long bytes) {
        if (bytes < 0) {
            return "–";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
