package org.duovirt.cli;

import org.duovirt.core.limits.Bounds;
import picocli.CommandLine.Option;

/** --interval, --count and --csv of the commands that print samples (stats, host-stats). */
final class SamplingOptions {
    @Option(names = "--interval", defaultValue = "2", paramLabel = "SECONDS")
    double interval;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "Samples to print (0 = until interrupted).")
    int count;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    boolean csv;

    /** Refuses what cannot be sampled before anything is asked of the host. */
    void check(Output output) {
        Bounds.require(Bounds.interval(interval), Bounds.count(count));
        if (csv && output.isJson()) {
            throw new IllegalArgumentException("Choose one of --csv and --json.");
        }
    }

    boolean more(int printed) {
        return count == 0 || printed < count;
    }

    void sleep() throws InterruptedException {
        Thread.sleep((long) (interval * 1000));
    }
}
