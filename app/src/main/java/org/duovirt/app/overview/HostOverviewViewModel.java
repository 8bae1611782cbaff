package org.duovirt.app.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.perf.ChartData;
import org.duovirt.app.stats.HostLoad;
import org.duovirt.app.stats.HostLoadSnapshot;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.stats.history.HistoryRange;
import org.duovirt.core.stats.history.HistoryWindow;

/**
 * A host's overview tab: watches the host's {@link HostLoad} while open and, after each tick, copies the chosen
 * range of its history into the CPU chart (the host and each NUMA node, % of their CPUs) and the memory chart
 * (used and total, MiB), and hands the newest per-CPU figures to the strip. No controls here.
 */
public final class HostOverviewViewModel {
    private final TaskExecutor ui;
    private final HostLoad load;
    private final String host;
    private final Duration interval;
    private final LongSupplier clock;
    private final ObjectProperty<HistoryRange> range = new SimpleObjectProperty<>(HistoryRange.TEN_MINUTES);
    private final ReadOnlyObjectWrapper<ChartData> cpuChart = new ReadOnlyObjectWrapper<>(ChartData.EMPTY);
    private final ReadOnlyObjectWrapper<ChartData> memoryChart = new ReadOnlyObjectWrapper<>(ChartData.EMPTY);
    private final ReadOnlyObjectWrapper<HostLoadSnapshot> latest = new ReadOnlyObjectWrapper<>(HostLoadSnapshot.NONE);
    private final ReadOnlyObjectWrapper<java.util.List<org.duovirt.core.model.CpuPool>> pools =
            new ReadOnlyObjectWrapper<>(java.util.List.of());
    private AutoCloseable watching;

    /**
     * @param interval how often to sample while open (the host's update interval)
     * @param clock    epoch milliseconds now
     */
    public HostOverviewViewModel(TaskExecutor ui, HostLoad load, String host, Duration interval, LongSupplier clock) {
        this.ui = ui;
        this.load = load;
        this.host = host;
        this.interval = interval;
        this.clock = clock;
        range.addListener(o -> refresh());
    }

    public String host() {
        return host;
    }

    public void open() {
        if (watching == null) {
            watching = load.watch(interval, this::refresh);
        }
        refresh();
    }

    public void close() {
        if (watching != null) {
            try {
                watching.close();
            } catch (Exception ignored) {
                // closing a watch cannot fail
            }
            watching = null;
        }
    }

    /** Copies the chosen range of the host's history into the charts and the newest tick into the strip (UI thread). */
    public void refresh() {
        ui.assertUiThread();
        long now = clock.getAsLong();
        HistoryRange r = range.get();
        HistoryWindow w = load.history().window(r, now);
        HostLoadSnapshot snap = load.snapshot();
        long from = now - r.length().toMillis();
        List<ChartData.Line> cpu = new ArrayList<>();
        cpu.add(new ChartData.Line(Messages.get("overview.series.host"), w.series(HostLoad.TOTAL)));
        if (snap.topology() != null && snap.topology().cells().size() > 1) {
            for (NumaCell cell : snap.topology().cells()) {
                cpu.add(new ChartData.Line(Messages.get("pin.grid.node", cell.id()), w.series(HostLoad.node(cell.id()))));
            }
        }
        cpuChart.set(new ChartData(from, now, w.times(), cpu, 100));
        memoryChart.set(new ChartData(from, now, w.times(), List.of(
                new ChartData.Line(Messages.get("overview.series.memory-used"), w.series(HostLoad.MEMORY_USED)),
                new ChartData.Line(Messages.get("overview.series.memory-total"), w.series(HostLoad.MEMORY_TOTAL))),
                Double.NaN, org.duovirt.app.perf.ValueAxis.Scale.BINARY));
        latest.set(snap);
    }

    public ObjectProperty<HistoryRange> rangeProperty() {
        return range;
    }

    public ReadOnlyObjectProperty<ChartData> cpuChartProperty() {
        return cpuChart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChartData> memoryChartProperty() {
        return memoryChart.getReadOnlyProperty();
    }

    /** The host's cpupools (Xen), read once when the tab opens; empty where the host has none (UI thread). */
    public void setPools(java.util.List<org.duovirt.core.model.CpuPool> list) {
        pools.set(list == null ? java.util.List.of() : java.util.List.copyOf(list));
    }

    public ReadOnlyObjectProperty<java.util.List<org.duovirt.core.model.CpuPool>> poolsProperty() {
        return pools.getReadOnlyProperty();
    }

    /** The newest tick: topology, per-CPU load and placement, memory. */
    public ReadOnlyObjectProperty<HostLoadSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }
}
