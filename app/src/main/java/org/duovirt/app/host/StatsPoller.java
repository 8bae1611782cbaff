package org.duovirt.app.host;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmRates;

/**
 * Polls one host's bulk stats on its own thread. A tick that finds the previous sample still running
 * is skipped, so a slow host never piles up requests; only the groups whose columns are visible are asked.
 */
final class StatsPoller {
    private static final Logger LOG = Logger.getLogger(StatsPoller.class.getName());
    private final ExecutorService thread;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Supplier<HostConnection> connection;
    private final Supplier<Set<StatsGroup>> groups;
    private final Consumer<List<VmRates>> sink;
    private ScheduledFuture<?> ticks;
    private StatsSample previous;

    StatsPoller(String host, Supplier<HostConnection> connection, Supplier<Set<StatsGroup>> groups,
                Consumer<List<VmRates>> sink) {
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named("stats-" + host));
        this.connection = connection;
        this.groups = groups;
        this.sink = sink;
    }

    synchronized void start(ScheduledExecutorService timer, long periodMillis) {
        stop();
        previous = null;
        ticks = timer.scheduleAtFixedRate(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    void shutdown() {
        stop();
        thread.shutdownNow();
    }

    /** Ticks skipped because the previous sample had not returned. */
    long skippedTicks() {
        return skipped.get();
    }

    long sampleCount() {
        return samples.get();
    }

    void tick() {
        Set<StatsGroup> wanted = groups.get();
        HostConnection c = connection.get();
        if (c == null || wanted.isEmpty()) {
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            skipped.incrementAndGet();
            return;
        }
        thread.execute(() -> {
            try {
                StatsSample current = c.sample(wanted, List.of());
                List<VmRates> rates = RateCalculator.rates(previous, current);
                previous = current;
                samples.incrementAndGet();
                sink.accept(rates);
            } catch (NotSupportedException e) {
                LOG.info(() -> "No stats: " + e.getMessage());
                stop();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Stats sample failed", e);
            } finally {
                inFlight.set(false);
            }
        });
    }
}
