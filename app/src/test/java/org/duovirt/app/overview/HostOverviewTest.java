package org.duovirt.app.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.perf.TimeChart;
import org.duovirt.app.stats.HostLoad;
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
 * The host overview on a test-driver fixture of 64 CPUs (16 cores × 2 threads per node) in 2 NUMA nodes with two
 * running VMs: opened from the host's context menu, it shows one cell per CPU grouped by node and core, the
 * vCPUs libvirt places on each (virsh vcpuinfo), and the host's CPU and memory charts; closing it stops sampling.
 */
@ExtendWith(ApplicationExtension.class)
class HostOverviewTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private MainWindow window;

    static String fixtureUri() {
        return "test://" + Path.of("src/test/resources/fixtures/pin-64-node.xml").toAbsolutePath();
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("overview-" + System.nanoTime()),
                List.of(new ConnectionConfig(fixtureUri(), "Big host", true)));
        Timeouts fast = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(300));
        window = UiTestSupport.open(stage, dirs, org.duovirt.app.host.Connector.of(UiTestSupport.BACKENDS), fast);
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
    void showsOneCellPerCpuByNodeAndCoreWithTheVcpusOnEach(FxRobot robot) {
        waitUntil("connected", WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        // The host cell's own context menu (a right click under Monocle does not open popups reliably): its item fires.
        javafx.scene.control.TreeCell<?> hostCell = onFx(() -> (javafx.scene.control.TreeCell<?>) robot.lookup(".host-cell").query());
        javafx.scene.control.MenuItem item = onFx(() -> hostCell.getContextMenu().getItems().stream()
                .filter(i -> "menu-host-overview".equals(i.getId())).findFirst().orElseThrow());
        assertThat(onFx(item::getText)).isEqualTo("Host Overview");
        assertThat(onFx(item::isDisable)).isFalse();
        onFx(() -> {
            item.fire();
            return null;
        });
        waitUntil("the overview opens", WAIT, () -> robot.lookup("#host-overview").tryQuery().isPresent());
        HostOverviewView view = robot.lookup("#host-overview").queryAs(HostOverviewView.class);
        waitUntil("the strip has its cells", WAIT, () -> view.strip().cellCount() == 64);

        Node node0 = robot.lookup("#host-node-0").query();
        Node node1 = robot.lookup("#host-node-1").query();
        assertThat(onFx(() -> cellsIn(robot, node0))).isEqualTo(32);
        assertThat(onFx(() -> cellsIn(robot, node1))).isEqualTo(32);
        assertThat(onFx(() -> robot.from(node0).lookup(".host-core").queryAll().size())).isEqualTo(16);
        // Every CPU 0..63 has exactly one cell.
        for (int cpu = 0; cpu < 64; cpu++) {
            assertThat(robot.lookup("#host-cpu-" + cpu).queryAll()).as("cell of CPU %d", cpu).hasSize(1);
        }
        // `virsh vcpuinfo pin-web` on this fixture: vCPU 0 on CPU 0, vCPU 1 on CPU 1.
        waitUntil("the vCPUs are placed", WAIT, () -> view.strip().cell(0).vcpuText().contains("pin-web/0"));
        assertThat(onFx(() -> view.strip().cell(1).vcpuText())).contains("pin-web/1");
        assertThat(onFx(() -> view.strip().cell(2).vcpuText())).doesNotContain("pin-web");
        assertThat(onFx(() -> robot.lookup("#host-overview-summary").queryLabeled().getText()))
                .contains("64 CPUs in 2 NUMA node(s)").contains("busy time per CPU");
        // The pinning editor's topology panel appears here too, for the whole host.
        waitUntil("the topology panel", WAIT, () -> robot.from(view).lookup("#pin-topology-summary").tryQuery().isPresent());
        assertThat(onFx(() -> robot.from(view).lookup("#pin-topology-summary").queryLabeled().getText())).contains("64");

        HostSession host = onFx(() -> window.view().table().getItems().get(0).host());
        HostLoad load = host.stats().hostLoad();
        waitUntil("a few host samples", WAIT, () -> load.history().rawSize() >= 3);
        TimeChart cpu = robot.lookup("#host-chart-cpu").queryAs(TimeChart.class);
        TimeChart memory = robot.lookup("#host-chart-memory").queryAs(TimeChart.class);
        waitUntil("the charts have samples", WAIT, () -> cpu.dataProperty().get().size() >= 3);
        assertThat(onFx(() -> cpu.dataProperty().get().lines())).extracting(l -> l.label())
                .containsExactly("Host", "Node 0", "Node 1");
        assertThat(onFx(() -> memory.dataProperty().get().lines())).extracting(l -> l.label()).containsExactly("Used", "Total");
        // The fixture's <memory> is 64 GiB.
        float[] total = onFx(() -> memory.dataProperty().get().lines().get(1).values());
        assertThat(total[total.length - 1]).isEqualTo(65536f);

        UiTestSupport.click(robot, "#host-range-hour");
        waitUntil("the hour range", WAIT, () -> cpu.dataProperty().get().toMillis() - cpu.dataProperty().get().fromMillis() == 3_600_000);

        assertThat(onFx(load::watchers)).isEqualTo(1);
        onFx(() -> {
            window.view().closeTabs();
            return null;
        });
        assertThat(onFx(load::watchers)).isZero();
    }

    private static int cellsIn(FxRobot robot, Node node) {
        return robot.from(node).lookup("." + CpuCell.STYLE_CLASS).queryAll().size();
    }
}
