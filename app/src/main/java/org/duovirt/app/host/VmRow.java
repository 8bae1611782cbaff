package org.duovirt.app.host;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.history.HistoryWindow;
import org.duovirt.core.stats.history.VmHistory;

/**
 * One VM of one host as the table and the tree show it. Changed only on the UI thread (by its host session).
 */
public final class VmRow {
    private final HostSession host;
    private final String name;
    private final StringProperty uuid = new SimpleStringProperty();
    private final ObjectProperty<VmState> state = new SimpleObjectProperty<>();
    private final IntegerProperty vcpus = new SimpleIntegerProperty();
    private final LongProperty memoryMiB = new SimpleLongProperty();
    private static final SeriesKey CPU = SeriesKey.total(Metric.CPU);
    private static final SeriesKey MEMORY_USED = SeriesKey.total(Metric.MEMORY_USED);
    private static final SeriesKey DISK_READ = SeriesKey.total(Metric.DISK_READ);
    private static final SeriesKey DISK_WRITE = SeriesKey.total(Metric.DISK_WRITE);
    private static final SeriesKey NET_RX = SeriesKey.total(Metric.NET_RX);
    private static final SeriesKey NET_TX = SeriesKey.total(Metric.NET_TX);
    /** Only what the four sparklines draw is copied out of the history on each tick. */
    private static final java.util.Set<SeriesKey> SPARKLINE_SERIES = java.util.Set.of(CPU, MEMORY_USED, DISK_READ,
            DISK_WRITE, NET_RX, NET_TX);
    private final ObjectProperty<Series> cpu = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> memory = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> disk = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> net = new SimpleObjectProperty<>(Series.EMPTY);
    /** Table rows showing this VM now; while none does, a tick only marks the sparklines stale. */
    private int onScreen;
    private boolean stale;

    VmRow(HostSession host, VmSummary summary) {
        this.host = host;
        this.name = summary.name();
        update(summary);
    }

    public HostSession host() {
        return host;
    }

    public String name() {
        return name;
    }

    void update(VmSummary s) {
        uuid.set(s.uuid());
        setState(s.state());
        vcpus.set(s.vcpus());
        memoryMiB.set(s.memoryMiB() > 0 ? s.memoryMiB() : s.maxMemoryKiB() / 1024);
    }

    void setState(VmState newState) {
        if (newState != null && newState != state.get()) {
            state.set(newState);
        }
    }

    /**
     * A table row started (true) or stopped (false) showing this VM. With 1,000 VMs only the ~40 on screen need
     * their sparklines rebuilt each tick (profile in docs/benchmarks.md); one that scrolls into view is rebuilt
     * from the history at once.
     */
    public void shown(boolean on) {
        host.rowsTracked();
        if (on) {
            onScreen++;
            if (onScreen == 1 && stale) {
                stale = false;
                showHistory(host.stats().history().vm(name));
            }
        } else if (onScreen > 0) {
            onScreen--;
        }
    }

    /** After a hub tick: rebuilds the sparklines if a table shows this VM (or none tracks rows), else marks them stale. */
    void ticked(VmHistory history, boolean tracked) {
        if (!tracked || onScreen > 0) {
            stale = false;
            showHistory(history);
        } else {
            stale = true;
        }
    }

    /** Shows the newest {@link Series#POINTS} samples of this VM's history (null: none yet). */
    void showHistory(VmHistory history) {
        if (history == null) {
            return;
        }
        HistoryWindow w = history.latest(Series.POINTS, SPARKLINE_SERIES);
        cpu.set(Sparklines.percent(w.series(CPU)));
        long total = memoryMiB.get();
        float[] used = w.series(MEMORY_USED);
        for (int i = 0; i < used.length; i++) {
            used[i] = total > 0 ? Math.min(100f, 100f * used[i] / total) : Float.NaN;
        }
        memory.set(Sparklines.percent(used));
        disk.set(Sparklines.rate(w.series(DISK_READ), w.series(DISK_WRITE)));
        net.set(Sparklines.rate(w.series(NET_RX), w.series(NET_TX)));
    }

    public ReadOnlyObjectProperty<VmState> stateProperty() {
        return state;
    }

    public VmState state() {
        return state.get();
    }

    public StringProperty uuidProperty() {
        return uuid;
    }

    public IntegerProperty vcpusProperty() {
        return vcpus;
    }

    public LongProperty memoryMiBProperty() {
        return memoryMiB;
    }

    public ReadOnlyObjectProperty<Series> cpuProperty() {
        return cpu;
    }

    public ReadOnlyObjectProperty<Series> memoryProperty() {
        return memory;
    }

    public ReadOnlyObjectProperty<Series> diskProperty() {
        return disk;
    }

    public ReadOnlyObjectProperty<Series> netProperty() {
        return net;
    }

    @Override
    public String toString() {
        return name + "@" + host.displayName();
    }
}
