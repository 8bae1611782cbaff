package org.duovirt.app.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.duovirt.app.ui.Snapshots;
import org.duovirt.app.ui.Theme;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The topology panel on its own, as the host overview embeds it ({@link TopologyPanel#forHost}): a host of
 * 2 sockets × 2 cores × 2 threads in 2 nodes with CPU 7 offline and a Xen cpupool split, in the dark theme.
 * No VM part (no Move), its own stylesheet (dark text colours without the editor around it).
 */
@ExtendWith(ApplicationExtension.class)
class TopologyPanelTest {
    private Stage stage;

    /** Socket s = node s; core c of a socket has threads c*2 and c*2+1 (SMT siblings); CPU 7 offline. */
    static CpuTopology twoNodesSmt() {
        List<PhysicalCpu> cpus = new ArrayList<>();
        for (int id = 0; id < 8; id++) {
            int core = id / 2;
            cpus.add(new PhysicalCpu(id, id / 4, core, id / 4, CpuSet.of(core * 2, core * 2 + 1), id != 7));
        }
        return new CpuTopology(2, 2, 2, List.of(new NumaCell(0, CpuSet.parse("0-3"), 4L << 20, 1L << 20),
                new NumaCell(1, CpuSet.parse("4-7"), 4L << 20, 3L << 20)), cpus);
    }

    private TopologyPanel show(List<CpuPool> pools) {
        return onFx(() -> {
            Theme.setDark(true);
            TopologyPanel panel = TopologyPanel.forHost(twoNodesSmt(), pools);
            StackPane root = new StackPane(panel);
            root.setStyle("-fx-background-color: -dv-bg; -fx-padding: 10;");
            Scene scene = new Scene(root, 900, 240);
            Theme.apply(scene);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return panel;
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            if (stage != null) {
                stage.hide();
            }
            Theme.setDark(false);
        }));
    }

    @Test
    void drawsNodesCoresThreadsOfflineCpusAndCpupoolsWithoutAnyVmPart(FxRobot robot) {
        TopologyPanel panel = show(List.of(new CpuPool("Pool-0", CpuSet.parse("0-3"), "credit2", List.of("Domain-0", "web")),
                new CpuPool("pin-node1", CpuSet.parse("4-6"), "credit", List.of())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#pin-topology-summary")).isEqualTo("2 socket(s) × 2 cores × 2 thread(s) = 8 CPUs, 1 offline");
        for (int node = 0; node < 2; node++) {
            Node box = robot.from(panel).lookup("#pin-node-" + node).query();
            // two cores per node, each chip holding its two SMT siblings
            assertThat(robot.from(box).lookup(".pin-core").queryAll()).hasSize(2);
            assertThat(robot.from(box).lookup(".pin-thread").queryAll()).hasSize(4);
        }
        assertThat(robot.from(panel).lookup(".pin-node-title").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Node 0  4 GiB, 1 GiB free", "Node 1  4 GiB, 3 GiB free");
        Label seven = robot.from(panel).lookup(".pin-thread").match(n -> "7".equals(((Label) n).getText())).queryAs(Label.class);
        assertThat(seven.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("offline"));
        assertThat(text(robot, "#pin-pool-Pool-0")).isEqualTo("Cpupool Pool-0 (credit2): CPUs 0-3 — VMs: Domain-0, web");
        assertThat(text(robot, "#pin-pool-pin-node1")).isEqualTo("Cpupool pin-node1 (credit): CPUs 4-6 — VMs: none");
        assertThat(robot.from(panel).lookup("#pin-pool-move").tryQuery()).isEmpty();
        assertThat(robot.from(panel).lookup("#pin-pool-target").tryQuery()).isEmpty();
        // the dark theme's text colour reaches the panel's labels without the editor around them
        Color fill = (Color) onFx(() -> ((Label) robot.from(panel).lookup("#pin-topology-summary").query()).getTextFill());
        assertThat(fill.getBrightness()).isGreaterThan(0.7);
        Snapshots.save(stage.getScene().getRoot(), Path.of("target/screenshots/topology-panel-dark.png"));
    }

    @Test
    void aHostWithoutCpupoolsHasNoPoolLines(FxRobot robot) {
        TopologyPanel panel = show(List.of());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(panel).lookup(".pin-pools").tryQuery()).isEmpty();
        assertThat(robot.from(panel).lookup(".pin-node").queryAll()).hasSize(2);
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
