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
        // Opening may take longer than a call: an SSH handshake alone may wait 30 s (the transport's own timeout),
        // and the Xen test host's sshd under TCG took 7-12 s just to greet, so 20 s cut off attempts that were
        // about to succeed and a slow host was never reconnected.
        return new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(2500));
    }
}
