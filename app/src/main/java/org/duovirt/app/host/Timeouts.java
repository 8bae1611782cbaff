package org.duovirt.app.host;

import java.time.Duration;

/**
 * How long a host may take before Duovirt calls it unreachable.
 *
 * @param connect opening the connection
 * @param call    one backend call (list, lifecycle, details)
 * @param resync  period of the safety-net re-listing; events do the real work
 * @param stats   period of the stats poll
 */
public record Timeouts(Duration connect, Duration call, Duration resync, Duration stats) {
    public static Timeouts standard() {
        return new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(2500));
    }
}
