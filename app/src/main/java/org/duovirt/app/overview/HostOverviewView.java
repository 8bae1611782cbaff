package org.duovirt.app.overview;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.host.Units;
import org.duovirt.app.perf.ChartData;
import org.duovirt.app.perf.RangeButtons;
import org.duovirt.app.perf.TimeChart;
import org.duovirt.app.pinning.TopologyPanel;
import org.duovirt.app.stats.HostLoadSnapshot;
import org.duovirt.core.model.CpuTopology;

/**
 * A host's overview tab: range buttons and a one-line summary, the host's CPU and memory over time side by
 * side, and below them every physical CPU grouped by NUMA node and core with its load and the vCPUs on it.
 * Closing it (AutoCloseable, called when its tab closes) stops the sampling.
 */
public final class HostOverviewView extends VBox implements AutoCloseable {
    public static final String STYLESHEET = "/org/duovirt/resources/css/overview.css";
    private final HostOverviewViewModel vm;
    private final CpuStrip strip = new CpuStrip();
    private final Label summary = new Label();
    private final VBox topology = new VBox();
    private CpuTopology shownTopology;

    public HostOverviewView(HostOverviewViewModel vm) {
        this.vm = vm;
        getStylesheets().add(HostOverviewView.class.getResource(STYLESHEET).toExternalForm());
        setId("host-overview");
        getStyleClass().add("host-overview");
        setSpacing(8);
        setPadding(new Insets(8));
        summary.setId("host-overview-summary");
        summary.getStyleClass().add("perf-note");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = RangeButtons.bar("host-range-", vm.rangeProperty());
        bar.getChildren().addAll(spacer, summary);

        GridPane charts = new GridPane();
        charts.setHgap(8);
        for (int c = 0; c < 2; c++) {
            javafx.scene.layout.ColumnConstraints col = new javafx.scene.layout.ColumnConstraints();
            col.setPercentWidth(50);
            charts.getColumnConstraints().add(col);
        }
        charts.add(chart("host-chart-cpu", "overview.chart.cpu", "overview.axis.cpu", vm.cpuChartProperty(),
                v -> String.format(Locale.ROOT, "%.1f %%", v)), 0, 0);
        charts.add(chart("host-chart-memory", "overview.chart.memory", "overview.axis.memory", vm.memoryChartProperty(),
                v -> Units.mebibytes(Math.round(v))), 1, 0);

        charts.setMinHeight(Region.USE_PREF_SIZE); // the CPU strip below scrolls; the charts keep their height
        Label stripTitle = new Label(Messages.get("overview.cpus"));
        stripTitle.getStyleClass().add("host-strip-title");
        Label topologyTitle = new Label(Messages.get("overview.topology"));
        topologyTitle.getStyleClass().add("host-strip-title");
        VBox lower = new VBox(6, stripTitle, strip, topologyTitle, topology);
        ScrollPane scroll = new ScrollPane(lower);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("host-strip-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(bar, charts, scroll);
        vm.latestProperty().addListener((o, was, now) -> show(now));
        vm.poolsProperty().addListener((o, was, now) -> showTopology(shownTopology));
        show(vm.latestProperty().get());
    }

    private static TimeChart chart(String id, String title, String axis,
                                   javafx.beans.value.ObservableValue<ChartData> data,
                                   java.util.function.DoubleFunction<String> format) {
        TimeChart chart = new TimeChart();
        chart.setId(id);
        chart.titleProperty().set(Messages.get(title));
        chart.axisLabelProperty().set(Messages.get(axis));
        chart.valueFormatProperty().set(format);
        chart.dataProperty().bind(data);
        chart.setPrefHeight(220);
        chart.setMaxWidth(Double.MAX_VALUE);
        return chart;
    }

    private void show(HostLoadSnapshot s) {
        CpuTopology t = s.topology();
        if (t == null) {
            summary.setText(Messages.get("overview.waiting"));
            return;
        }
        String source = s.cpus() == null ? Messages.get("overview.source.none")
                : s.cpus().approximate() ? Messages.get("overview.source.placement") : Messages.get("overview.source.counted");
        summary.setText(Messages.get("overview.summary", t.cpuCount(), Math.max(1, t.cells().size()), t.sockets(),
                t.coresPerSocket(), t.threadsPerCore(), source));
        strip.show(t, s.cpus());
        if (!t.equals(shownTopology)) {
            showTopology(t);
        }
    }

    /** The pinning editor's topology panel for the whole host: SMT siblings, NUMA memory, offline CPUs, cpupools. */
    private void showTopology(CpuTopology t) {
        shownTopology = t;
        if (t != null) {
            topology.getChildren().setAll(TopologyPanel.forHost(t, vm.poolsProperty().get()));
        }
    }

    /** The strip (tests count its cells). */
    CpuStrip strip() {
        return strip;
    }

    @Override
    public void close() {
        vm.close();
    }
}
