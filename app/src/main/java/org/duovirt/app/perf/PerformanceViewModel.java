package org.duovirt.app.perf;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.stats.StatsHub;
import org.duovirt.app.stats.StatsSubscription;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.StatsCsv;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.history.HistoryRange;
import org.duovirt.core.stats.history.HistoryWindow;
import org.duovirt.core.stats.history.VmHistory;

/**
 * One VM's Performance tab: subscribes to its host's stats hub for every group while open, and after each
 * tick (unless paused) copies the chosen range of the VM's history into one {@link ChartData} per chart.
 * The CSV export writes exactly that copy. No controls here: the view binds to the properties.
 */
public final class PerformanceViewModel {
    private final TaskExecutor ui;
    private final StatsHub hub;
    private final String vm;
    private final Duration interval;
    private final LongSupplier clock;
    private final ObjectProperty<HistoryRange> range = new SimpleObjectProperty<>(HistoryRange.TEN_MINUTES);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final Map<PerfChart, ObjectProperty<ChartData>> charts = new EnumMap<>(PerfChart.class);
    private final ReadOnlyStringWrapper vcpuNote = new ReadOnlyStringWrapper("");
    private HistoryWindow shown = HistoryWindow.EMPTY;
    private StatsSubscription subscription;

    /**
     * @param interval how often to sample while open (the host's update interval)
     * @param clock    epoch milliseconds now (tests pass a fixed one)
     */
    public PerformanceViewModel(TaskExecutor ui, StatsHub hub, String vm, Duration interval, LongSupplier clock) {
        this.ui = ui;
        this.hub = hub;
        this.vm = vm;
        this.interval = interval;
        this.clock = clock;
        for (PerfChart c : PerfChart.values()) {
            charts.put(c, new SimpleObjectProperty<>(ChartData.EMPTY));
        }
        range.addListener(o -> refresh());
        paused.addListener((o, was, now) -> {
            if (!now) {
                refresh();
            }
        });
    }

    public String vm() {
        return vm;
    }

    /** Starts sampling every group of this VM. */
    public void open() {
        if (subscription == null) {
            subscription = hub.subscribe(Set.of(vm), EnumSet.allOf(StatsGroup.class), interval, this::ticked);
        }
        refresh();
    }

    public void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void ticked() {
        if (!paused.get()) {
            refresh();
        }
    }

    /** Copies the chosen range of the history into the charts (UI thread). */
    public void refresh() {
        ui.assertUiThread();
        VmHistory history = hub.history().vm(vm);
        long now = clock.getAsLong();
        HistoryRange r = range.get();
        shown = history == null ? HistoryWindow.EMPTY : history.window(r, now);
        VmRates latest = hub.snapshot().vm(vm).orElse(null);
        vcpuNote.set(latest != null && latest.vcpuWindowSeconds() > 0
                ? Messages.get("perf.vcpu-averaged", Math.round(latest.vcpuWindowSeconds())) : "");
        for (PerfChart c : PerfChart.values()) {
            charts.get(c).set(chart(c, now - r.length().toMillis(), now));
        }
    }

    private ChartData chart(PerfChart chart, long from, long to) {
        List<ChartData.Line> lines = new ArrayList<>();
        for (Metric m : chart.metrics()) {
            for (SeriesKey k : shown.keys()) {
                if (k.metric() == m) {
                    lines.add(new ChartData.Line(label(k), shown.series(k)));
                }
            }
        }
        return new ChartData(from, to, shown.times(), lines, chart.fixedMax(), chart.scale());
    }

    private String label(SeriesKey k) {
        String base = Messages.get("perf.series." + k.metric().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (k.part() == null) {
            return base;
        }
        String name = k.metric() == Metric.VCPU ? Messages.get("perf.series.vcpu-n", k.part()) : base + " " + k.part();
        return k.metric() == Metric.VCPU && !vcpuNote.get().isEmpty() ? name + " " + vcpuNote.get() : name;
    }

    /** Writes what the charts show now, in the one CSV layout (core's {@link StatsCsv}). */
    public void exportCsv(Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        StatsCsv.header(text);
        StatsCsv.rows(text, vm, shown);
        out.write(text.toString());
        out.flush();
    }

    /** The history the charts show now (for tests and the export). */
    public HistoryWindow shown() {
        return shown;
    }

    public ObjectProperty<HistoryRange> rangeProperty() {
        return range;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<ChartData> chart(PerfChart chart) {
        return charts.get(chart);
    }

    /** "(≈3 s avg)" when the host's per-vCPU counters are coarse (Xen), else empty. */
    public ReadOnlyStringProperty vcpuNoteProperty() {
        return vcpuNote.getReadOnlyProperty();
    }
}
