package org.duovirt.app.host;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Watches a lost host for the moment it answers again, independent of the reconnect back-off: once a second a cheap
 * probe (its sshd's greeting, without logging in; see {@link Connector#answers}), and {@code onBack} the first time
 * the host answers after a probe it did not answer. The back-off grows while a host stays down (up to a minute
 * between attempts), and without this a host back after a long outage waited for the next step; so the watch runs
 * while the next attempt is more than a {@link #PERIOD} away and the last one found the host unreachable. Only a
 * change from silent to answering counts, and the watch ends at the first answer: a host that answers but fails the
 * login or the first command keeps the back-off, and is not probed again until an attempt finds it unreachable. A
 * probe waits up to {@link #PROBE_WITHIN}, as long as a loaded sshd may take to greet: one it gave up on would have
 * cost that sshd a process for nothing.
 */
final class ReturnWatch {
    private static final Logger LOG = Logger.getLogger(ReturnWatch.class.getName());
    /** Between two probes; a probe itself waits at most {@link #PROBE_WITHIN} for the greeting. */
    static final Duration PERIOD = Duration.ofSeconds(1);
    static final Duration PROBE_WITHIN = Duration.ofSeconds(5);
    private final String name;
    private final Supplier<Optional<Boolean>> probe;
    private final Runnable onBack;
    private Thread thread;

    /** @param probe whether the host answers (empty: cannot tell without connecting); blocking, never throws */
    ReturnWatch(String name, Supplier<Optional<Boolean>> probe, Runnable onBack) {
        this.name = name;
        this.probe = probe;
        this.onBack = onBack;
    }

    /** Starts watching, unless a watch runs already. */
    synchronized void start() {
        if (thread != null && thread.isAlive()) {
            return;
        }
        thread = new Thread(this::watch, "return-watch-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops watching (connected again, or closed). */
    synchronized void stop() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void watch() {
        boolean silent = false;
        while (!Thread.currentThread().isInterrupted()) {
            Optional<Boolean> answers = probe.get();
            if (answers.isEmpty()) {
                return;
            }
            if (answers.get()) {
                if (silent && !Thread.currentThread().isInterrupted()) {
                    LOG.fine(() -> name + ": answers again; reconnecting now");
                    onBack.run();
                }
                return;
            }
            silent = true;
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
