package org.duovirt.app.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.stats.StatsCsv;
import org.duovirt.core.stats.history.HistoryWindow;
import org.duovirt.core.stats.history.VmHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Performance tab on libvirt's test driver: opens, switches ranges, hovers, pauses, exports the hub's data. */
@ExtendWith(ApplicationExtension.class)
class PerformanceTabTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("perf-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "Demo", true)));
        Timeouts fast = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(300));
        window = UiTestSupport.open(stage, dirs, org.duovirt.app.host.Connector.of(UiTestSupport.BACKENDS), fast);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void opensSwitchesRangesHoversPausesAndExportsTheHubsRows(FxRobot robot) throws Exception {
        waitUntil("the demo domain is listed", WAIT, () -> visibleNames(robot).contains("test"));
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        VmRow row = UiTestSupport.row(robot, "test");
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(row)));
        UiTestSupport.click(robot, "#tool-performance");
        waitUntil("the Performance tab opens", WAIT, () -> robot.lookup("#performance-test").tryQuery().isPresent());
        waitUntil("a few samples arrived", WAIT, () -> {
            VmHistory h = row.host().stats().history().vm("test");
            return h != null && h.rawSize() >= 4;
        });
        TimeChart cpu = robot.lookup("#perf-chart-cpu").queryAs(TimeChart.class);
        waitUntil("the CPU chart has lines", WAIT, () -> cpu.dataProperty().get().size() >= 3
                && !cpu.dataProperty().get().lines().isEmpty());
        ChartData tenMinutes = onFx(() -> cpu.dataProperty().get());
        assertThat(tenMinutes.toMillis() - tenMinutes.fromMillis()).isEqualTo(600_000);
        assertThat(tenMinutes.lines().get(0).label()).isEqualTo("VM");
        assertThat(tenMinutes.fixedMax()).isEqualTo(100);
        assertThat(onFx(() -> cpu.axisLabelProperty().get())).contains("of its vCPUs").contains("of one host CPU");

        UiTestSupport.click(robot, "#perf-range-hour");
        waitUntil("the hour range shows", WAIT, () -> span(cpu) == 3_600_000);
        UiTestSupport.click(robot, "#perf-range-day");
        waitUntil("the day range shows", WAIT, () -> span(cpu) == 86_400_000);
        UiTestSupport.click(robot, "#perf-range-minute");
        waitUntil("the minute range shows", WAIT, () -> span(cpu) == 60_000);

        // Pause, then hover: the text under the mouse is the nearest sample's time and exact values.
        UiTestSupport.click(robot, "#perf-pause");
        ChartData paused = onFx(() -> cpu.dataProperty().get());
        long samples = row.host().stats().sampleCount();
        waitUntil("more samples arrive while paused", WAIT, () -> row.host().stats().sampleCount() >= samples + 2);
        assertThat(onFx(() -> cpu.dataProperty().get())).as("paused charts stand still").isSameAs(paused);
        javafx.geometry.Point2D right = onFx(() -> {
            javafx.geometry.Bounds b = cpu.localToScreen(cpu.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getMaxX() - 14, b.getCenterY());
        });
        robot.moveTo(right);
        waitUntil("hovering shows values", WAIT, () -> !cpu.hoverTextProperty().get().isEmpty());
        String hover = onFx(() -> cpu.hoverTextProperty().get());
        // Near the right edge: one of the newest samples, described exactly as the history holds it.
        int last = paused.size() - 1;
        assertThat(List.of(onFx(() -> cpu.describe(last)), onFx(() -> cpu.describe(last - 1)))).contains(hover);
        assertThat(hover).matches("\\d\\d:\\d\\d:\\d\\d   VM: .*");

        Path csv = home.resolve("export-" + System.nanoTime() + ".csv");
        PerformanceView view = robot.lookup("#performance-test").queryAs(PerformanceView.class);
        onFx(() -> {
            view.setSaveChooser(owner -> csv.toFile());
            return null;
        });
        UiTestSupport.click(robot, "#perf-export");
        waitUntil("the CSV is written", WAIT, () -> Files.exists(csv) && csv.toFile().length() > 0);
        HistoryWindow fromHub = row.host().stats().history().vm("test").window(0, paused.fromMillis(), paused.toMillis());
        StringBuilder expected = new StringBuilder();
        StatsCsv.header(expected);
        StatsCsv.rows(expected, "test", fromHub);
        String written = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(written).isEqualTo(expected.toString());
        assertThat(written.split("\r\n").length).isGreaterThan(1 + 3 * fromHub.keys().size() - 1);
        assertThat(written).contains(",test,cpu,%,").contains(",test,memory.used,MiB,");
    }

    private static long span(TimeChart chart) {
        ChartData d = chart.dataProperty().get();
        return d.toMillis() - d.fromMillis();
    }
}
