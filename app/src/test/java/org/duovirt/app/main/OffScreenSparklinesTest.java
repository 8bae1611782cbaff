package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Series;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * With many VMs only the rows on screen get their sparklines rebuilt each tick; a row scrolled into view shows
 * its history at once (the history itself keeps every VM's samples).
 */
@ExtendWith(ApplicationExtension.class)
class OffScreenSparklinesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path fixture = home.resolve("many-" + System.nanoTime() + ".xml");
        StringBuilder xml = new StringBuilder("<node xmlns:test=\"http://libvirt.org/schemas/domain/test/1.0\">"
                + "<cpu><active>4</active><nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>1</threads></cpu>"
                + "<memory>8388608</memory>");
        for (int i = 1; i <= 200; i++) {
            xml.append("<domain type=\"test\"><name>many").append(i).append("</name><memory unit=\"MiB\">64</memory>")
                    .append("<vcpu>1</vcpu><os><type arch=\"x86_64\">hvm</type></os><test:runstate>1</test:runstate></domain>");
        }
        Files.writeString(fixture, xml.append("</node>"));
        var dirs = UiTestSupport.tempDirs(home.resolve("off-" + System.nanoTime()),
                List.of(new ConnectionConfig("test://" + fixture, "Many", true)));
        Timeouts fast = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(300));
        window = UiTestSupport.open(stage, dirs, org.duovirt.app.host.Connector.of(UiTestSupport.BACKENDS), fast);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void onlyRowsOnScreenAreRebuiltAndAScrolledInRowShowsItsHistoryAtOnce(FxRobot robot) {
        waitUntil("200 VMs listed", WAIT, () -> UiTestSupport.visibleNames(robot).size() == 200);
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        VmRow first = UiTestSupport.row(robot, "many1");
        VmRow last = UiTestSupport.row(robot, "many200");
        waitUntil("the first row's sparkline fills", WAIT, () -> first.cpuProperty().get().size() >= 5);
        waitUntil("the last VM has history", WAIT, () -> first.host().stats().history().vm("many200") != null
                && first.host().stats().history().vm("many200").rawSize() >= 5);
        Series offScreen = onFx(() -> last.cpuProperty().get());
        assertThat(offScreen.size()).as("a row never shown is not rebuilt per tick").isZero();

        onFx(() -> {
            table.scrollTo(last);
            return null;
        });
        waitUntil("the scrolled-in row shows its history", WAIT, () -> last.cpuProperty().get().size() >= 5);
        int before = onFx(() -> first.cpuProperty().get().size());
        long samples = onFx(() -> first.host().statsSamples());
        waitUntil("two more ticks", WAIT, () -> first.host().statsSamples() >= samples + 2);
        assertThat(onFx(() -> first.cpuProperty().get().size())).as("many1 is off screen now: not rebuilt")
                .isEqualTo(before);
    }

    /**
     * Scrolling builds the sparklines of the rows it shows and no others. The rows have a fixed height, so
     * VirtualFlow does not size rows over the list (each one filled with its VM, its sparklines rebuilt from the
     * history) to estimate the list's length: that cost a third of the FX thread's samples while 1,000 rows
     * scrolled (docs/benchmarks.md).
     */
    @Test
    void scrollingBuildsOnlyTheRowsItShows(FxRobot robot) {
        waitUntil("200 VMs listed", WAIT, () -> UiTestSupport.visibleNames(robot).size() == 200);
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        VmRow first = UiTestSupport.row(robot, "many1");
        waitUntil("every VM has history", WAIT, () -> first.host().stats().history().vm("many200") != null
                && first.host().stats().history().vm("many200").rawSize() >= 3);
        long samples = onFx(() -> first.host().statsSamples());
        waitUntil("a tick after that (every off-screen row is stale)", WAIT, () -> first.host().statsSamples() > samples);
        for (int step = 0; step < 10; step++) {
            int index = 3 * step;
            onFx(() -> {
                table.scrollTo(index);
                table.requestLayout();
                table.layout();
                return null;
            });
        }
        int shown = onFx(() -> (int) table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && !r.isEmpty() && r.isVisible()).count());
        int built = onFx(() -> (int) table.getItems().stream().filter(r -> r.cpuProperty().get().size() > 0).count());
        // rows 0 … 27 + a screenful were on screen at some point (49 here; 69 without the fixed height)
        assertThat(built).as("rows with sparklines after scrolling 27 rows down (%d rows on screen)", shown)
                .isLessThanOrEqualTo(shown + 30);
    }

    /** Behind another tab the table's rows are not rebuilt per tick; back in front, the rows on screen are at once. */
    @Test
    void aTableBehindAnotherTabIsNotRebuiltUntilItIsShownAgain(FxRobot robot) {
        waitUntil("200 VMs listed", WAIT, () -> UiTestSupport.visibleNames(robot).size() == 200);
        VmRow first = UiTestSupport.row(robot, "many1");
        waitUntil("the first row's sparkline fills", WAIT, () -> first.cpuProperty().get().size() >= 3);
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        onFx(() -> {
            table.getSelectionModel().select(first);
            return null;
        });
        UiTestSupport.click(robot, "#tool-performance");
        waitUntil("the Performance tab is in front", WAIT, () -> robot.lookup("#performance-many1").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        Series behind = onFx(() -> first.cpuProperty().get());
        long samples = onFx(() -> first.host().statsSamples());
        waitUntil("two more ticks", WAIT, () -> first.host().statsSamples() >= samples + 2);
        assertThat(onFx(() -> first.cpuProperty().get())).as("not rebuilt behind the Performance tab").isSameAs(behind);
        Series shownAgain = onFx(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) window.view().lookup("#center-tabs");
            tabs.getSelectionModel().select(0);
            return first.cpuProperty().get();
        });
        assertThat(shownAgain).as("rebuilt from the history as the table comes back").isNotSameAs(behind);
    }
}
