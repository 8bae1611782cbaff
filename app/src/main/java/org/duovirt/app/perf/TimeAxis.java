package org.duovirt.app.perf;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Clock labels for a time axis: ticks at round steps, in the local time zone. */
final class TimeAxis {
    private static final long[] STEPS = {1_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
            900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000};
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private TimeAxis() {
    }

    /** The smallest round step that puts at most {@code maxTicks} ticks on the range. */
    static long step(long rangeMillis, int maxTicks) {
        for (long s : STEPS) {
            if (rangeMillis / s <= maxTicks) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** A tick label: seconds only when the step needs them. */
    static String label(long millis, long step) {
        return (step < 60_000 ? SECONDS : MINUTES).format(Instant.ofEpochMilli(millis));
    }

    /** The hover label: always to the second. */
    static String full(long millis) {
        return SECONDS.format(Instant.ofEpochMilli(millis));
    }
}
