package org.duovirt.xen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XentopParser;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.RunningCommand;

/**
 * ONE long-lived {@code xentop -b -d 1 -v -n -x -f} per host, started on first use and restarted when it
 * dies. A reader thread parses it and keeps the latest complete iteration; samples read that instead of
 * starting a process each time. An iteration counts as complete when the next header arrives, so a
 * sample is at most about one second old.
 */
final class XentopStream implements AutoCloseable {
    static final List<String> COMMAND = List.of("xentop", "-b", "-d", "1", "-v", "-n", "-x", "-f");
    /** xentop prints every second; ten seconds of silence means it hangs. */
    private static final long STALE_NANOS = 10_000_000_000L;
    private final CommandRunner runner;
    private final List<String> command;
    private final Object lock = new Object();
    private RunningCommand process;
    private Snapshot latest;
    private String failure;
    private boolean closed;

    /**
     * One iteration and when it was read.
     *
     * @param cpuNs per domain name, the nanosecond CPU counter of {@link XentopCpuClock}
     */
    record Snapshot(Instant time, long monotonicNanos, List<XentopDomain> domains, java.util.Map<String, Long> cpuNs) {
        Snapshot(Instant time, long monotonicNanos, List<XentopDomain> domains) {
            this(time, monotonicNanos, domains, java.util.Map.of());
        }

        /**
         * This iteration as of {@code nanos}: the CPU counters carried forward at each domain's CPU(%), so
         * they line up with another reading taken then ({@code xl vcpu-list}).
         */
        Snapshot at(Instant when, long nanos) {
            java.util.Map<String, Long> moved = new java.util.HashMap<>();
            for (XentopDomain d : domains) {
                Long ns = cpuNs.get(d.name());
                if (ns != null) {
                    moved.put(d.name(), ns + Math.round(d.cpuPercent() / 100.0 * (nanos - monotonicNanos)));
                }
            }
            return new Snapshot(when, nanos, domains, moved);
        }
    }

    XentopStream(CommandRunner runner) {
        this(runner, COMMAND);
    }

    /** With another command printing xentop's batch format (tests replay captured output). */
    XentopStream(CommandRunner runner, List<String> command) {
        this.runner = runner;
        this.command = List.copyOf(command);
    }

    /** The newest complete iteration; waits for the first one after a (re)start. */
    Snapshot latest(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            if (closed) {
                throw new DuovirtException("The connection is closed.", (String) null);
            }
            boolean stale = latest != null && System.nanoTime() - latest.monotonicNanos() > STALE_NANOS;
            if (process == null || !process.isOpen() || stale) {
                if (process != null) {
                    process.close(); // a xentop that stopped printing is as good as dead
                }
                start();
            }
            while (latest == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null) {
                    throw new DuovirtException("xentop gave no statistics on " + runner.hostLabel()
                            + (failure == null ? " within " + wait.toSeconds() + " s." : ": " + failure + "."),
                            "Check that xentop (Debian: xen-utils) runs as root on the host.");
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DuovirtException("Interrupted while waiting for xentop.", e);
                }
            }
            return latest;
        }
    }

    private void start() {
        failure = null;
        latest = null;
        RunningCommand running = runner.openStream(command);
        process = running;
        Thread reader = new Thread(() -> read(running), "xentop-" + runner.hostLabel());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(RunningCommand running) {
        XentopParser parser = new XentopParser();
        XentopCpuClock clock = new XentopCpuClock();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(running.output(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                List<XentopDomain> done = parser.feed(line);
                if (done != null) {
                    long now = System.nanoTime();
                    java.util.Map<String, Long> cpu = clock.advance(done, now);
                    synchronized (lock) {
                        latest = new Snapshot(Instant.now(), now, done, cpu);
                        lock.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // The channel closed; the next sample restarts xentop.
        } finally {
            running.close();
            synchronized (lock) {
                if (process == running) {
                    failure = "xentop ended";
                    lock.notifyAll();
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (process != null) {
                process.close();
            }
        }
    }
}
