package org.duovirt.app.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.stats.HostLoad;
import org.duovirt.app.stats.HostLoadSnapshot;
import org.duovirt.app.ui.Snapshots;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.stats.HostCpuRates;
import org.duovirt.core.stats.HostCpuSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pinning editor on a test-driver host with 64 CPUs in 2 NUMA nodes (fixtures/pin-64-node.xml): opened
 * from a VM's details, the grid has a row per vCPU and a column per CPU; "spread" and "one NUMA node" are
 * shown in the grid, warned about and applied; cells are edited by mouse and keyboard; undo puts the
 * previous pins back, as the host reads them.
 */
@ExtendWith(ApplicationExtension.class)
class PinEditorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private MainWindow window;

    static String fixtureUri() {
        return "test://" + Path.of("src/test/resources/fixtures/pin-64-node.xml").toAbsolutePath();
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("pin-" + System.nanoTime()),
                List.of(new ConnectionConfig(fixtureUri(), "Big host", true)));
        window = UiTestSupport.open(stage, dirs);
        onFx(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
            return null;
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    static PinGrid openEditor(FxRobot robot, String vm) {
        return openEditor(robot, vm, WAIT);
    }

    /** @param wait for each step (a Xen host over SSH under TCG answers in tens of seconds when busy) */
    static PinGrid openEditor(FxRobot robot, String vm, Duration wait) {
        waitUntil(vm + " is listed", wait, () -> UiTestSupport.visibleNames(robot).contains(vm));
        UiTestSupport.clickVmRow(robot, vm, wait);
        UiTestSupport.click(robot, "#tool-details");
        waitUntil("the details of " + vm, wait, () -> robot.lookup("#details-pinning").tryQuery().isPresent());
        UiTestSupport.click(robot, "#details-pinning");
        waitUntil("the pinning grid of " + vm, wait, () -> robot.lookup("#pin-grid").tryQuery().map(n -> ((PinGrid) n).rowCount() > 0).orElse(false));
        return robot.lookup("#pin-grid").queryAs(PinGrid.class);
    }

    static void preset(FxRobot robot, String text) {
        UiTestSupport.pick(robot, "#pin-presets", n -> n.getStyleClass().contains("menu-item") && hasLabel(n, text), "the preset " + text, WAIT);
    }

    private static boolean hasLabel(Node n, String text) {
        return n.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label && text.equals(label.getText()));
    }

    static List<String> hard(PinGrid grid) {
        return onFx(() -> grid.planProperty().get().hard().stream().map(CpuSet::toString).toList());
    }

    static List<String> warnings(FxRobot robot) {
        ListView<String> list = robot.lookup("#pin-warnings").queryListView();
        return onFx(() -> List.copyOf(list.getItems()));
    }

    static String outcome(FxRobot robot) {
        return onFx(() -> robot.lookup("#pin-outcome").queryAs(Label.class).getText());
    }

    @Test
    void spreadAndOneNumaNodeAreShownWarnedAboutAppliedAndUndone(FxRobot robot) {
        PinGrid grid = openEditor(robot, "pin-db");
        // the test driver pins a running VM live only (CliPinPlanTest shows its refusal of persistent pins)
        UiTestSupport.click(robot, "#pin-config");
        assertThat(onFx(grid::columns)).hasSize(64);
        assertThat(onFx(grid::rowCount)).isEqualTo(4);
        assertThat(robot.lookup("#pin-node-1").tryQuery()).isPresent();
        assertThat(onFx(() -> robot.lookup("#pin-topology-summary").queryAs(Label.class).getText())).contains("64 CPUs");

        // spread: one CPU per vCPU, alternating nodes; shown before anything is applied
        preset(robot, "Spread across cores and nodes");
        waitUntil("the spread plan in the grid", WAIT, () -> hard(grid).equals(List.of("0", "32", "2", "34")));
        assertThat(outcome(robot)).contains("nothing is applied");
        // pin-web is pinned to CPUs 0-1 (and the test driver puts its emulator on 0-7)
        waitUntil("some warning", WAIT, () -> !warnings(robot).isEmpty());
        assertThat(warnings(robot)).anyMatch(w -> w.matches("CPUs 0(,2)? are also pinned by pin-web\\."))
                .contains("The vCPUs run on NUMA nodes 0,1 while the memory is on node 0: the others reach it remotely.");
        UiTestSupport.click(robot, "#pin-apply");
        waitUntil("the spread plan applied", WAIT, () -> outcome(robot).startsWith("Applied in"));
        PinPlan spread = onFx(() -> grid.planProperty().get());
        assertThat(hard(grid)).containsExactly("0", "32", "2", "34");

        // one NUMA node: every vCPU on node 1's 32 CPUs; no overlap with pin-web left, but the memory is on node 0
        preset(robot, "All in NUMA node 1");
        waitUntil("the numa:1 plan in the grid", WAIT, () -> hard(grid).stream().allMatch("32-63"::equals));
        waitUntil("only the remote-memory warning for node 1", WAIT, () -> warnings(robot).equals(
                List.of("The vCPUs run on NUMA node 1 while the memory is on node 0: every access is remote.")));
        UiTestSupport.click(robot, "#pin-apply");
        waitUntil("numa:1 applied", WAIT, () -> outcome(robot).startsWith("Applied in") && hard(grid).stream().allMatch("32-63"::equals));

        // undo: the spread pins are back, read from the host again
        UiTestSupport.click(robot, "#pin-undo");
        waitUntil("the previous pins back", WAIT, () -> outcome(robot).startsWith("The previous pins are back")
                && onFx(() -> grid.planProperty().get()).equals(spread));
        assertThat(robot.lookup("#pin-undo").queryButton().isDisabled()).isTrue();
    }

    @Test
    void cellsRowsAndColumnsAreEditedWithTheMouseAndTheKeyboard(FxRobot robot) {
        PinGrid grid = openEditor(robot, "pin-db");
        preset(robot, "Compact: one vCPU per core");
        waitUntil("the compact plan", WAIT, () -> hard(grid).equals(List.of("0", "2", "4", "6")));
        UiTestSupport.click(robot, "#pin-cell-0-5");
        assertThat(hard(grid).get(0)).isEqualTo("0,5");
        UiTestSupport.click(robot, "#pin-cell-0-5");
        assertThat(hard(grid).get(0)).isEqualTo("0");
        UiTestSupport.click(robot, "#pin-row-1");
        assertThat(hard(grid).get(1)).isEqualTo("0-63");
        UiTestSupport.click(robot, "#pin-col-40");
        assertThat(hard(grid)).allMatch(s -> CpuSet.parse(s).contains(40));
        // keyboard: focus is on vCPU 0, column of CPU 0 (the last click set it to row 0? no: the column header
        // does not move focus); Down moves to vCPU 1, Space toggles its focused CPU off again
        onFx(() -> {
            grid.focusRowProperty().set(0);
            grid.focusColumnProperty().set(0);
            grid.requestFocus();
            return null;
        });
        robot.type(KeyCode.DOWN).type(KeyCode.SPACE);
        assertThat(CpuSet.parse(hard(grid).get(1)).contains(0)).isFalse();
        robot.press(KeyCode.SHIFT).type(KeyCode.SPACE).release(KeyCode.SHIFT);
        assertThat(hard(grid).get(1)).isEqualTo("0-63");
        // emptying a row is a problem the Apply button respects
        robot.press(KeyCode.SHIFT).type(KeyCode.SPACE).release(KeyCode.SHIFT);
        assertThat(hard(grid).get(1)).isEqualTo("");
        waitUntil("the empty row is a problem", WAIT, () -> !onFx(() -> robot.lookup("#pin-problems").queryAs(Label.class).getText()).isEmpty());
        assertThat(robot.lookup("#pin-apply").queryButton().isDisabled()).isTrue();
    }

    /**
     * Each host CPU's load in the grid, from the host's HostLoad: the fixture's busy/idle counters never move, so
     * every CPU shows "–"; a known snapshot, built from two real samples the way the hub builds it, shows each CPU's
     * own figure; the editor's watch ends with its tab.
     */
    @Test
    void eachCpuShowsTheHostLoadAndTheWatchEndsWithTheTab(FxRobot robot) {
        PinGrid grid = openEditor(robot, "pin-db");
        HostSession host = onFx(() -> window.view().table().getItems().get(0).host());
        HostLoad load = host.stats().hostLoad();
        assertThat(onFx(load::watchers)).as("the editor watches the host's load").isEqualTo(1);
        long seen = onFx(() -> load.snapshot().tick());
        waitUntil("two host samples since the editor opened", WAIT, () -> load.snapshot().tick() >= Math.max(2, seen + 2));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> unknown = onFx(() -> loadTexts(robot));
        assertThat(unknown).as("one load cell per CPU").hasSize(64);
        assertThat(unknown).as("the test driver's counters never move: no figure, none made up").containsOnly("–");

        PinEditorViewModel vm = onFx(() -> robot.lookup("#pin-editor-pin-db").queryAs(PinEditorView.class).viewModel());
        HostLoadSnapshot known = snapshot();
        // Fed and read in one UI-thread run, so the next real tick cannot come in between.
        // Both themes drawn in the same run too, to be looked at (target/shots/pin-grid-load-*.png).
        List<javafx.scene.image.WritableImage> images = new ArrayList<>();
        List<String> shown = onFx(() -> {
            vm.showLoad(known);
            for (boolean dark : new boolean[] {false, true}) {
                Theme.setDark(dark);
                Theme.apply(grid.getScene());
                grid.getParent().applyCss();
                // The grid is transparent; the editor behind it paints -dv-bg (dark.css / light.css).
                javafx.scene.SnapshotParameters behind = new javafx.scene.SnapshotParameters();
                behind.setFill(javafx.scene.paint.Color.web(dark ? "#1e2024" : "#ffffff"));
                images.add(grid.snapshot(behind, null));
            }
            Theme.setDark(false);
            Theme.apply(grid.getScene());
            return loadTexts(robot);
        });
        Snapshots.write(images.get(0), Path.of("target/shots/pin-grid-load-light.png"));
        Snapshots.write(images.get(1), Path.of("target/shots/pin-grid-load-dark.png"));
        for (int cpu = 0; cpu < 63; cpu++) {
            assertThat(shown.get(cpu)).as("CPU %d", cpu).isEqualTo(Long.toString(Math.round(known.cpus().percent().get(cpu))));
        }
        assertThat(shown.get(63)).as("a CPU the snapshot has no figure for").isEqualTo("–");
        assertThat(shown.get(42)).isEqualTo("63");
        assertThat(onFx(() -> robot.lookup("#pin-load-42").queryAs(Label.class).getTooltip().getText()))
                .isEqualTo("CPU 42: 63 % busy now");
        assertThat(onFx(() -> grid.cpuLoadProperty().get().get(1))).isEqualTo(1.5);

        onFx(() -> {
            window.view().closeTabs();
            return null;
        });
        assertThat(onFx(load::watchers)).as("the editor's watch is closed with its tab").isZero();
    }

    /** CPU n at 1.5·n % (n < 63); CPU 63 missing from the earlier sample, so without a figure. */
    private static HostLoadSnapshot snapshot() {
        List<HostCpuSample.Cpu> before = new ArrayList<>();
        List<HostCpuSample.Cpu> now = new ArrayList<>();
        for (int cpu = 0; cpu < 64; cpu++) {
            if (cpu < 63) {
                before.add(new HostCpuSample.Cpu(cpu, 1_000, 1_000));
            }
            long busy = 15L * cpu;
            now.add(new HostCpuSample.Cpu(cpu, 1_000 + busy, 1_000 + 1_000 - busy));
        }
        Instant t = Instant.parse("2026-12-01T13:00:00Z");
        HostCpuRates rates = HostCpuRates.between(new HostCpuSample(t, 0, before, List.of()),
                new HostCpuSample(t.plusSeconds(1), 1_000_000_000L, now, List.of()));
        return new HostLoadSnapshot(99, t.plusSeconds(1), null, rates, 0, 0);
    }

    /** The load cells' texts in column order by CPU number 0..63. */
    private static List<String> loadTexts(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (int cpu = 0; cpu < 64; cpu++) {
            var cells = robot.lookup("#pin-load-" + cpu).queryAll();
            if (cells.size() == 1) {
                out.add(((Label) cells.iterator().next()).getText());
            }
        }
        return out;
    }
}
