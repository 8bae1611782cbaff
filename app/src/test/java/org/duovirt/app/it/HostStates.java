package org.duovirt.app.it;

import java.time.Duration;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.ui.UiTestSupport;

/** Waiting for a host of the real window to reach a state, read on the FX thread. */
final class HostStates {
    /**
     * How soon a Xen host behind the test's relay must be back. The issue asks 5 s; measured 1.5 s on a quiet
     * machine (CI rehearsal) and 14-23 s at load 13-20 here, all of it the TCG dom0 (opening 6-10 s: sshd took
     * 7-12 s just to greet; listing 7-13 s), none of it waiting for the next attempt. About three times the
     * loaded figure, so CI stays green under load. Since then (helper reboot13): 1.7 s at load 2 behind the relay, a
     * dom0 reboot 4.7-10.1 s after sshd greeted at load 7-11, but a job's host 56.8 s at load 16 (its opening 23.7 s,
     * the removal of the half-made VM with the listing 32.2 s): no room to tighten it.
     */
    static final Duration XEN_BACK_WITHIN = Duration.ofSeconds(75);

    private HostStates() {
    }

    /** The machine's load averages (1, 5, 15 min), printed beside a test's figures. */
    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
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
