package org.duovirt.app.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.stats.HostLoad;
import org.duovirt.app.stats.HostLoadSnapshot;
import org.duovirt.app.ui.Snapshots;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
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
 * Each host CPU's load in the pinning grid, from the host's {@link HostLoad}: on the 64-CPU test-driver fixture
 * (whose busy/idle counters never move, so it has no figure) every CPU shows "–"; a known snapshot, built from
 * two real samples the way the hub builds it, shows each CPU's own figure; the editor's watch ends with its tab.
 */
@ExtendWith(ApplicationExtension.class)
class PinGridLoadTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("load-" + System.nanoTime()),
                List.of(new ConnectionConfig(PinEditorTest.fixtureUri(), "Big host", true)));
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

    @Test
    void eachCpuShowsTheHostLoadAndTheWatchEndsWithTheTab(FxRobot robot) {
        PinGrid grid = PinEditorTest.openEditor(robot, "pin-db");
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
