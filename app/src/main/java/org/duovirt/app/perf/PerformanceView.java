package org.duovirt.app.perf;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.duovirt.app.Messages;

/** A VM's Performance tab: range buttons, pause, CSV export, and the six charts in two columns. */
public final class PerformanceView extends VBox {
    private static final Logger LOG = Logger.getLogger(PerformanceView.class.getName());
    private final PerformanceViewModel vm;
    private Function<Window, File> saveChooser = this::chooseFile;

    public PerformanceView(PerformanceViewModel vm) {
        this.vm = vm;
        setId("performance-" + vm.vm());
        getStyleClass().add("performance-view");
        setSpacing(8);
        setPadding(new Insets(8));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints col = new ColumnConstraints();
            col.setPercentWidth(50);
            grid.getColumnConstraints().add(col);
        }
        for (int r = 0; r < 3; r++) {
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            row.setMinHeight(180);
            grid.getRowConstraints().add(row);
        }
        PerfChart[] all = PerfChart.values();
        for (int i = 0; i < all.length; i++) {
            grid.add(chart(all[i]), i % 2, i / 2);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // One plain fill instead of Modena's border-and-fill pair: the software pipeline paints each ancestor's
        // background under every chart it repaints, and a pair is drawn from a cached image stretched over the
        // area (half of the renderer's time per tick, docs/benchmarks.md), one colour by a plain fill.
        scroll.getStyleClass().add("performance-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(toolbar(), scroll);
    }

    private HBox toolbar() {
        HBox bar = RangeButtons.bar("perf-range-", vm.rangeProperty());
        ToggleButton pause = new ToggleButton(Messages.get("perf.pause"));
        pause.setId("perf-pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        Button export = new Button(Messages.get("perf.export"));
        export.setId("perf-export");
        export.setOnAction(e -> export());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label note = new Label(Messages.get("perf.cpu-definition"));
        note.getStyleClass().add("perf-note");
        bar.getChildren().addAll(pause, export, spacer, note);
        return bar;
    }

    private TimeChart chart(PerfChart c) {
        TimeChart chart = new TimeChart();
        chart.setId("perf-chart-" + c.key());
        chart.titleProperty().set(Messages.get("perf.chart." + c.key()));
        chart.axisLabelProperty().set(Messages.get("perf.axis." + c.key()));
        chart.valueFormatProperty().set(c.format());
        chart.dataProperty().bind(vm.chart(c));
        chart.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return chart;
    }

    /** Replaces the file chooser (tests answer without a native dialog). */
    public void setSaveChooser(Function<Window, File> chooser) {
        this.saveChooser = chooser;
    }

    private File chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("perf.export.title", vm.vm()));
        chooser.setInitialFileName(vm.vm().replaceAll("[^A-Za-z0-9._-]", "_") + "-stats.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        return chooser.showSaveDialog(owner);
    }

    private void export() {
        File file = saveChooser.apply(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
            vm.exportCsv(out);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "CSV export failed", e);
            org.duovirt.app.dialog.ErrorDialog.show(getScene() == null ? null : getScene().getWindow(),
                    new org.duovirt.core.error.DuovirtException(Messages.get("perf.export.failed", file, e.getMessage()),
                            Messages.get("perf.export.failed.hint")));
        }
    }
}
