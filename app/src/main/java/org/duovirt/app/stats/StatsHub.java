package org.duovirt.app.stats;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.stats.CounterWindow;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.history.HistoryStore;

/**
 * The statistics of one host, for every consumer at once (table sparklines, Performance tabs, the host
 * overview). Each tick is ONE bulk call for the union of what the subscriptions want (KVM: one
 * virConnectGetAllDomainStats with NOWAIT, only those groups; Xen: the one xentop stream), on the hub's
 * own thread; a tick that finds the previous sample still running is skipped, never queued. Rates come
 * from core's {@link CounterWindow}, history goes into a {@link HistoryStore} that outlives reconnects,
 * and the UI thread is told at most once per pulse, reading an immutable {@link StatsSnapshot}.
 */
public final class StatsHub implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StatsHub.class.getName());
    private final String host;
    private final Supplier<HostConnection> connection;
    private final ScheduledExecutorService timer;
    private final TaskExecutor ui;
    private final ToIntFunction<String> vcpus;
    private final ExecutorService thread;
    private final HistoryStore history = new HistoryStore();
    private final CounterWindow window = new CounterWindow();
    private final List<StatsSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean uiPending = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile StatsSnapshot latest = StatsSnapshot.NONE;
    private final HostLoad hostLoad;
    private ScheduledFuture<?> ticks;
    private Duration period;
    private boolean running;
    private boolean unsupported;

    /**
     * @param vcpus the vCPU count of a VM as the host lists it (for CPU as a share of the VM's vCPUs)
     */
    public StatsHub(String host, Supplier<HostConnection> connection, ScheduledExecutorService timer, TaskExecutor ui,
                    ToIntFunction<String> vcpus) {
        this.host = host;
        this.connection = connection;
        this.timer = timer;
        this.ui = ui;
        this.vcpus = vcpus;
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named("stats-" + host));
        this.hostLoad = new HostLoad(host, connection, timer, thread, ui);
    }

    /** The host's own CPU and memory load (the host overview), sampled on this hub's thread while watched. */
    public HostLoad hostLoad() {
        return hostLoad;
    }

    /**
     * @param vms      only these VMs, or every running one when empty
     * @param onUpdate run on the UI thread after new figures arrived
     */
    public StatsSubscription subscribe(Set<String> vms, Set<StatsGroup> groups, Duration interval, Runnable onUpdate) {
        StatsSubscription s = new StatsSubscription(this, vms, groups, interval, onUpdate);
        subscriptions.add(s);
        changed();
        return s;
    }

    void unsubscribe(StatsSubscription s) {
        subscriptions.remove(s);
        changed();
    }

    /** Starts ticking (the host connected). The history carries on from before a reconnect. */
    public synchronized void start() {
        running = true;
        unsupported = false;
        reschedule(true);
        hostLoad.start();
    }

    /** Stops ticking (the host was lost): every VM gets a gap, and rates start afresh after a reconnect. */
    public synchronized void stop() {
        running = false;
        cancel();
        hostLoad.stop();
        thread.execute(() -> {
            window.reset();
            history.gapAll(System.currentTimeMillis());
        });
    }

    public HistoryStore history() {
        return history;
    }

    /** The newest tick; read it on the UI thread after an update. */
    public StatsSnapshot snapshot() {
        return latest;
    }

    /** Ticks skipped because the previous sample had not returned. */
    public long skippedTicks() {
        return skipped.get();
    }

    public long sampleCount() {
        return samples.get();
    }

    /** The tick period now: the shortest interval any subscription asks for, or null with none. */
    public synchronized Duration period() {
        return period;
    }

    synchronized void changed() {
        reschedule(false);
    }

    private void reschedule(boolean force) {
        Duration wanted = subscriptions.stream().map(StatsSubscription::interval).min(Duration::compareTo).orElse(null);
        if (!force && java.util.Objects.equals(wanted, period) && (ticks != null) == (running && wanted != null)) {
            return;
        }
        period = wanted;
        cancel();
        if (running && !unsupported && wanted != null) {
            long ms = Math.max(100, wanted.toMillis());
            ticks = timer.scheduleAtFixedRate(this::tick, 0, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
    }

    void tick() {
        Set<StatsGroup> groups = EnumSet.noneOf(StatsGroup.class);
        Set<String> vms = new TreeSet<>();
        boolean all = false;
        for (StatsSubscription s : subscriptions) {
            groups.addAll(s.groups());
            all |= s.vms().isEmpty();
            vms.addAll(s.vms());
        }
        HostConnection c = connection.get();
        if (c == null || groups.isEmpty()) {
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            skipped.incrementAndGet();
            return;
        }
        List<String> asked = all ? List.of() : List.copyOf(vms);
        thread.execute(() -> {
            try {
                sample(c, groups, asked);
            } catch (NotSupportedException e) {
                LOG.info(() -> host + ": no statistics: " + e.getMessage());
                synchronized (this) {
                    unsupported = true;
                    cancel();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, host + ": stats sample failed", e);
            } finally {
                inFlight.set(false);
            }
        });
    }

    private void sample(HostConnection c, Set<StatsGroup> groups, List<String> asked) {
        StatsSample sample = c.sample(groups, asked);
        List<VmRates> rates = window.add(sample);
        history.record(sample.timestamp().toEpochMilli(), rates, vcpus);
        latest = StatsSnapshot.of(samples.incrementAndGet(), sample.timestamp(), rates);
        if (uiPending.compareAndSet(false, true)) {
            ui.ui(() -> {
                uiPending.set(false);
                subscriptions.forEach(StatsSubscription::updated);
            });
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        cancel();
        hostLoad.stop();
        subscriptions.clear();
        thread.shutdownNow();
    }
}
