package org.duovirt.app.it;

import java.time.Duration;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.ui.UiTestSupport;

/** Waiting for a host of the real window to reach a state, read on the FX thread. */
final class HostStates {
    private HostStates() {
    }

    /** Milliseconds until {@code host} is {@code wanted}; fails after {@code timeout} with the host's last error. */
    static long millisUntil(HostSession host, HostState wanted, Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        while (UiTestSupport.onFx(host::state) != wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(host.displayName() + " not " + wanted + " within " + timeout + "; last error: "
                        + UiTestSupport.onFx(() -> host.lastErrorProperty().get()));
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
