package org.duovirt.core.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.history.HistoryWindow;

/**
 * The one CSV layout of statistics, written by the GUI's export and by {@code duovirt stats --csv}: one row
 * per time, VM and series ({@code timestamp,vm,series,unit,value}), RFC 4180 quoting. Values go through
 * {@code float}, as the history keeps them, and are written as the shortest decimal that reads back as
 * that float, so the two writers agree to the digit; an unknown value is an empty field.
 */
public final class StatsCsv {
    public static final List<String> HEADER = List.of("timestamp", "vm", "series", "unit", "value");

    private StatsCsv() {
    }

    public static void header(Appendable out) {
        line(out, String.join(",", HEADER));
    }

    /** Every sample of a history window, oldest first, series in the window's order. */
    public static void rows(Appendable out, String vm, HistoryWindow w) {
        for (int i = 0; i < w.size(); i++) {
            for (int s = 0; s < w.keys().size(); s++) {
                row(out, w.time(i), vm, w.keys().get(s), w.value(s, i));
            }
        }
    }

    /** The series of one VM at one time (the CLI's per-tick rows). */
    public static void rows(Appendable out, Instant time, String vm, Map<SeriesKey, Double> values) {
        values.forEach((k, v) -> row(out, time.toEpochMilli(), vm, k, v == null ? Float.NaN : v.floatValue()));
    }

    public static void row(Appendable out, long timeMillis, String vm, SeriesKey key, float value) {
        line(out, Instant.ofEpochMilli(timeMillis) + "," + quote(vm) + "," + key.id() + ","
                + key.metric().unit().symbol() + "," + number(value));
    }

    /** The shortest plain decimal of {@code value} ("12.5", "1048576"), empty for NaN. */
    public static String number(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return "";
        }
        String s = new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** A field quoted when it holds a comma, a quote or a line break (names may hold all of them). */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static void line(Appendable out, String text) {
        try {
            out.append(text).append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
