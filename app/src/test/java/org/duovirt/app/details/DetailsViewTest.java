package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Details of the mixed fixture's VMs: overview from the host, vCPU/memory edits validated against it. */
@ExtendWith(ApplicationExtension.class)
class DetailsViewTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("details-" + System.nanoTime()),
                List.of(new ConnectionConfig(UiTestSupport.mixedFixtureUri(), "lab", true),
                        new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    /** Shows the VM table tab and clicks the VM's name cell. */
    private static void select(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#center-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0));
        UiTestSupport.clickVmRow(robot, name, WAIT);
    }

    private static List<String> labels(FxRobot robot, String tab) {
        return robot.lookup(tab + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @SuppressWarnings("unchecked")
    @Test
    void detailsShowTheOverviewAndValidateEditsAgainstTheHost(FxRobot robot) {
        waitUntil("fixture listed", WAIT, () -> visibleNames(robot).contains("build-runner"));
        select(robot, "build-runner");
        UiTestSupport.click(robot, "#tool-details");
        String tab = "#details-build-runner";
        waitUntil("overview loaded", WAIT, () -> labels(robot, tab).contains("f0604667-f626-55f0-8fc2-c3464ff78a4b"));
        assertThat(labels(robot, tab)).contains("build-runner", "Shut off", "hvm", "x86_64", "8 / 8", "4 GiB / 4 GiB",
                "vda (disk): /var/lib/libvirt/images/build-runner.qcow2", "52:54:00:00:00:04 → default (virtio)");
        assertThat(labels(robot, tab)).anyMatch(t -> t.contains(" · lab (test:///") && t.endsWith("mixed-node.xml)"));

        // Edits are validated against the host: the demo host (test:///default) reports its vCPU limit
        // (the test driver's maximum, 32) and memory; the sentence is core's, as the CLI prints it.
        select(robot, "test");
        UiTestSupport.click(robot, "#tool-details");
        String demo = "#details-test";
        waitUntil("demo details loaded", WAIT, () -> labels(robot, demo).contains("Running"));
        UiTestSupport.click(robot, demo + " #hw-entry-cpus");
        waitUntil("host limits known", WAIT, () -> labels(robot, demo).stream().anyMatch(t -> t.startsWith("This VM can have up to 32 vCPUs on this host")));
        Spinner<Integer> vcpus = robot.lookup(demo + " #details-vcpus").queryAs(Spinner.class);
        int before = vcpus.getValue();
        robot.interact(() -> vcpus.getValueFactory().setValue(64));
        assertThat(labels(robot, demo)).contains("At most 32 vCPUs are possible for this VM on this host; 64 was asked for.");
        assertThat(robot.lookup(demo + " #details-vcpus-apply").queryButton().isDisabled()).isTrue();
        robot.interact(() -> vcpus.getValueFactory().setValue(before));
        assertThat(robot.lookup(demo + " #details-vcpus-apply").queryButton().isDisabled()).isFalse();

        // A persistent change on a shut-off VM shows in the table.
        select(robot, "build-runner");
        UiTestSupport.click(robot, "#tool-details");
        UiTestSupport.click(robot, tab + " #hw-entry-cpus");
        Spinner<Integer> runnerVcpus = robot.lookup(tab + " #details-vcpus").queryAs(Spinner.class);
        robot.interact(() -> runnerVcpus.getValueFactory().setValue(4));
        UiTestSupport.click(robot, tab + " #details-vcpus-apply");
        waitUntil("the table shows 4 vCPUs", WAIT, () -> UiTestSupport.onFx(() -> UiTestSupport.row(robot, "build-runner").vcpusProperty().get()) == 4);
        waitUntil("outcome shown", WAIT, () -> labels(robot, tab).contains("Saved; the new values apply at the next start."));

        // Several details at once, as tabs.
        select(robot, "db-primary");
        UiTestSupport.click(robot, "#tool-details");
        waitUntil("second details tab", WAIT, () -> robot.lookup("#details-db-primary").tryQuery().isPresent());
        assertThat(robot.lookup("#details-build-runner").tryQuery()).isPresent();
    }
}
