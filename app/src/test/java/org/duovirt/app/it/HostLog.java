package org.duovirt.app.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.duovirt.app.host.HostSession;

/**
 * What {@link HostSession} logs while a test runs (its "disconnected" and "reconnected" lines), in order; and, for
 * the printed timeline, the SSH session's and the Xen backend's FINE lines on where an opening's time went.
 */
final class HostLog extends Handler implements AutoCloseable {
    /** Held here: a logger nobody references may be collected, and its level with it. */
    private static final List<Logger> LOGGERS = List.of(Logger.getLogger(HostSession.class.getName()),
            Logger.getLogger("org.duovirt.core.ssh.SshSession"), Logger.getLogger("org.duovirt.xen.XenBackend"));
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Timed> timed = new CopyOnWriteArrayList<>();
    private final List<Level> levels = new CopyOnWriteArrayList<>();

    private record Timed(long nanos, String line) {
    }

    static HostLog start() {
        HostLog log = new HostLog();
        for (Logger l : LOGGERS) {
            log.levels.add(l.getLevel());
            l.setLevel(Level.FINE);
            l.addHandler(log);
        }
        return log;
    }

    /** The lines about {@code host}. */
    List<String> of(String host) {
        return lines.stream().filter(l -> l.startsWith(host + ": ")).toList();
    }

    /** Puts a step of the test itself on the timeline ("test: QEMU exited"). */
    void mark(String step) {
        timed.add(new Timed(System.nanoTime(), "test: " + step));
    }

    /** Every line with its time in seconds from {@code zeroNanos} (a System.nanoTime()), one per line. */
    String timeline(long zeroNanos) {
        StringBuilder b = new StringBuilder();
        for (Timed t : timed) {
            b.append(String.format("  %+8.1f s  %s%n", (t.nanos() - zeroNanos) / 1e9, t.line()));
        }
        return b.toString();
    }

    @Override
    public void publish(LogRecord r) {
        String message = r.getMessage();
        if (r.getLoggerName().equals(HostSession.class.getName())) {
            lines.add(message);
        }
        timed.add(new Timed(System.nanoTime(), message));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        for (int i = 0; i < LOGGERS.size(); i++) {
            LOGGERS.get(i).removeHandler(this);
            LOGGERS.get(i).setLevel(levels.get(i));
        }
    }
}
