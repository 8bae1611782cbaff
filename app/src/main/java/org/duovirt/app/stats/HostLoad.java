package org.duovirt.app.stats;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.stats.HostCpuRates;
import org.duovirt.core.stats.HostCpuSample;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.history.HistoryTiers;
import org.duovirt.core.stats.history.VmHistory;

/**
 * The host's own load for the host overview: per tick one per-CPU sample (KVM: virNodeGetCPUStats and the vCPUs'
 * placement; Xen: xl vcpu-list) and the host's memory, turned into rates by core's {@link HostCpuRates} (the same
 * code as `duovirt host-stats`) and kept in a {@link VmHistory} with the VMs' tiers, so ranges work alike.
 * Series: {@link #TOTAL} (% of all the host's CPUs), one per NUMA node ({@link #node}), one per CPU
 * ({@link #cpu}), memory used and total in MiB. Runs on its hub's stats thread, only while someone watches;
 * a tick that finds the previous one still out is skipped. The history outlives the tab and reconnects.
 */
public final class HostLoad {
    public static final SeriesKey TOTAL = SeriesKey.total(Metric.CPU);
    public static final SeriesKey MEMORY_USED = SeriesKey.total(Metric.MEMORY_USED);
    public static final SeriesKey MEMORY_TOTAL = SeriesKey.total(Metric.MEMORY_AVAILABLE);
    private static final Logger LOG = Logger.getLogger(HostLoad.class.getName());
    private final String host;
    private final Supplier<HostConnection> connection;
    private final ScheduledExecutorService timer;
    private final ExecutorService thread;
    private final TaskExecutor ui;
    private final VmHistory history = new VmHistory(HistoryTiers.STANDARD);
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean uiPending = new AtomicBoolean();
    private volatile HostLoadSnapshot latest = HostLoadSnapshot.NONE;
    private HostCpuSample previous;
    private boolean perCpuUnsupported;
    private ScheduledFuture<?> ticks;
    private boolean running;

    HostLoad(String host, Supplier<HostConnection> connection, ScheduledExecutorService timer, ExecutorService thread,
             TaskExecutor ui) {
        this.host = host;
        this.connection = connection;
        this.timer = timer;
        this.thread = thread;
        this.ui = ui;
    }

    public static SeriesKey node(int node) {
        return new SeriesKey(Metric.CPU, "node" + node);
    }

    public static SeriesKey cpu(int cpu) {
        return new SeriesKey(Metric.VCPU, Integer.toString(cpu));
    }

    /** Samples every {@code interval} while the returned handle is open; {@code onUpdate} runs on the UI thread. */
    public AutoCloseable watch(Duration interval, Runnable onUpdate) {
        Watcher w = new Watcher(interval, onUpdate);
        watchers.add(w);
        reschedule();
        return () -> {
            watchers.remove(w);
            reschedule();
        };
    }

    /** How many views watch now (sampling stops at 0). */
    public int watchers() {
        return watchers.size();
    }

    public VmHistory history() {
        return history;
    }

    public HostLoadSnapshot snapshot() {
        return latest;
    }

    synchronized void start() {
        running = true;
        reschedule();
    }

    synchronized void stop() {
        running = false;
        reschedule();
        try {
            thread.execute(() -> {
                previous = null;
                history.gap(System.currentTimeMillis());
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The hub is closed: nothing will be sampled again.
        }
    }

    private synchronized void reschedule() {
        if (ticks != null) {
            ticks.cancel(false);
            ticks = null;
        }
        Duration period = watchers.stream().map(Watcher::interval).min(Duration::compareTo).orElse(null);
        if (running && period != null) {
            ticks = timer.scheduleAtFixedRate(this::tick, 0, Math.max(100, period.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        HostConnection c = connection.get();
        if (c == null || !inFlight.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    sample(c);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, host + ": host load sample failed", e);
                } finally {
                    inFlight.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            inFlight.set(false);
        }
    }

    private void sample(HostConnection c) {
        HostInfo info = c.hostInfo();
        HostCpuRates rates = null;
        if (!perCpuUnsupported) {
            try {
                HostCpuSample now = c.hostCpuSample();
                rates = previous == null ? null : HostCpuRates.between(previous, now);
                previous = now;
            } catch (NotSupportedException e) {
                perCpuUnsupported = true;
            }
        }
        HostLoadSnapshot snap = new HostLoadSnapshot(latest.tick() + 1, java.time.Instant.now(), info.topology(), rates,
                info.totalMemoryKiB(), info.freeMemoryKiB());
        history.add(snap.time().toEpochMilli(), values(snap));
        latest = snap;
        if (uiPending.compareAndSet(false, true)) {
            ui.ui(() -> {
                uiPending.set(false);
                watchers.forEach(w -> w.onUpdate().run());
            });
        }
    }

    static Map<SeriesKey, Double> values(HostLoadSnapshot s) {
        Map<SeriesKey, Double> v = new HashMap<>();
        v.put(MEMORY_USED, s.usedMemoryMiB());
        v.put(MEMORY_TOTAL, s.totalMemoryKiB() <= 0 ? Double.NaN : s.totalMemoryKiB() / 1024.0);
        HostCpuRates r = s.cpus();
        v.put(TOTAL, r == null ? Double.NaN : r.totalPercent());
        if (r != null && s.topology() != null) {
            r.percent().forEach((cpu, p) -> v.put(cpu(cpu), p));
            for (NumaCell cell : s.topology().cells()) {
                v.put(node(cell.id()), nodeAverage(r, s.topology(), cell.id()));
            }
        }
        return v;
    }

    /** The mean load of a node's CPUs that have a figure, NaN when none has. */
    public static double nodeAverage(HostCpuRates r, CpuTopology t, int node) {
        double sum = 0;
        int n = 0;
        for (var cpu : t.cpus()) {
            Double p = cpu.node() == node ? r.percent().get(cpu.id()) : null;
            if (p != null && !p.isNaN()) {
                sum += p;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private record Watcher(Duration interval, Runnable onUpdate) {
    }
}
