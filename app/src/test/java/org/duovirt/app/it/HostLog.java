package org.duovirt.app.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.duovirt.app.host.HostSession;

/** What {@link HostSession} logs while a test runs (its "disconnected" and "reconnected" lines), in order. */
final class HostLog extends Handler implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(HostSession.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();

    static HostLog start() {
        HostLog log = new HostLog();
        LOGGER.addHandler(log);
        return log;
    }

    /** The lines about {@code host}. */
    List<String> of(String host) {
        return lines.stream().filter(l -> l.startsWith(host + ": ")).toList();
    }

    @Override
    public void publish(LogRecord r) {
        lines.add(r.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        LOGGER.removeHandler(this);
    }
}
