package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.Theme;
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
 * The wizard window on libvirt's test driver: Ctrl+N opens it, every page is photographed (light theme),
 * a name the host already has shows as a problem on the summary with Finish disabled, and after fixing
 * it the VM is created. Real libvirtd and Xen runs are the ITs beside this.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardUiTest {
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Theme.setDark(false);
        var dirs = UiTestSupport.tempDirs(home.resolve("ui-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "lab-test", true)));
        InjectingConnection.mode = "";
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri), this::lastJob),
                org.duovirt.app.host.Timeouts.standard());
    }

    private org.duovirt.app.job.Job lastJob() {
        return WizardDriver.lastJob(window);
    }

    @Test
    void aRunningJobShowsInTheJobsPanelAndStatusBarAndItsCancelButtonUndoesIt(FxRobot robot) throws Exception {
        Path kernel = Files.writeString(home.resolve("wiz-vmlinuz-2"), "not really a kernel");
        InjectingConnection.hold = new java.util.concurrent.CountDownLatch(1);
        InjectingConnection.mode = "hold-create";
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", "wiz-held");
        w.type("wizard-kernel", kernel.toString());
        for (int i = 0; i < 2; i++) {
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        }
        w.waitForPage("storage");
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-new-disk")).setSelected(true));
        w.type("wizard-disk-size", "0.1");
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) w.current().lookup("#wizard-pool")).setValue("default-pool"));
        for (int i = 0; i < 3; i++) {
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        }
        w.waitForPage("summary");
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-start-after")).setSelected(false));
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the jobs panel shows the job", WizardDriver.WAIT, () -> robot.lookup("#jobs-panel .task-title").tryQuery()
                .map(n -> ((javafx.scene.control.Label) n).getText().equals("Create wiz-held on lab-test")).orElse(false));
        assertThat(robot.lookup("#status-jobs").queryLabeled().getText()).isEqualTo("1 job running");
        WizardDriver.WaitForPulse.settle();
        WizardDriver.save(onFx(() -> window.view().getScene()), WizardDriver.shots().resolve("wizard-job-running.png"));
        UiTestSupport.click(robot, "#jobs-panel .task-cancel-button");
        InjectingConnection.hold.countDown();
        waitUntil("cancelled", WizardDriver.WAIT, () -> lastJob().state() == org.duovirt.app.job.JobState.CANCELLED);
        waitUntil("the panel hides", WizardDriver.WAIT, () -> !robot.lookup("#jobs-panel").query().isVisible());
        assertThat(visibleNames(robot)).doesNotContain("wiz-held");
    }

    @AfterEach
    void close() {
        InjectingConnection.hold.countDown();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        // test:///default keeps its domains for the whole JVM: a VM made here must not show up in later classes
        // (EarlyConnectionsTest counts the test driver's VMs).
        try (var host = org.duovirt.core.spi.Backends.installed().connect("test:///default")) {
            for (var vm : host.listVms(true)) {
                if (vm.name().startsWith("wiz-")) {
                    if (vm.state() == org.duovirt.core.model.VmState.RUNNING || vm.state() == org.duovirt.core.model.VmState.PAUSED) {
                        host.destroy(vm.name());
                    }
                    host.delete(vm.name(), false);
                }
            }
        }
    }

    @Test
    void ctrlNWalksEveryPageShowsTheSummaryProblemAndCreates(FxRobot robot) throws Exception {
        Path kernel = Files.writeString(home.resolve("wiz-vmlinuz"), "not really a kernel");
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        robot.targetWindow(onFx(() -> window.view().getScene().getWindow()));
        robot.press(KeyCode.CONTROL).press(KeyCode.N).release(KeyCode.N).release(KeyCode.CONTROL);
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", "test");
        w.type("wizard-kernel", kernel.toString());
        w.type("wizard-os", "debian12");
        waitUntil("the host's dry run names the taken name", WizardDriver.WAIT,
                () -> w.text("#wizard-name-problem").contains("already exists"));
        w.shot("wizard-1-source.png");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("resources");
        w.type("wizard-memory", "64");
        waitUntil("limits", WizardDriver.WAIT, () -> w.text("#wizard-limits").startsWith("This host has"));
        w.shot("wizard-2-resources.png");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("storage");
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-new-disk")).setSelected(true));
        w.type("wizard-disk-size", "0.1");
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) w.current().lookup("#wizard-pool")).setValue("default-pool"));
        w.shot("wizard-3-storage.png");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("network");
        w.shot("wizard-4-network.png");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("platform");
        w.shot("wizard-5-platform.png");
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("summary");
        waitUntil("the summary lists the problem", WizardDriver.WAIT,
                () -> w.text("#wizard-summary-heading").startsWith("Fix these"));
        assertThat(w.enabled(ButtonBar.ButtonData.FINISH)).isFalse();
        w.shot("wizard-6-summary-problem.png");

        for (int i = 0; i < 5; i++) {
            w.press(ButtonBar.ButtonData.BACK_PREVIOUS);
        }
        w.waitForPage("source");
        w.type("wizard-name", "wiz-ui");
        for (int i = 0; i < 5; i++) {
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        }
        w.waitForPage("summary");
        waitUntil("ready", WizardDriver.WAIT, () -> w.text("#wizard-summary-heading").startsWith("Ready to create"));
        waitUntil("the definition", WizardDriver.WAIT, () -> w.text("#wizard-definition").contains("<name>wiz-ui</name>"));
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-start-after")).setSelected(false));
        w.shot("wizard-7-summary.png");
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the new VM in the table", WizardDriver.WAIT, () -> visibleNames(robot).contains("wiz-ui"));
        assertThat(window.model().jobs().jobs()).hasSize(1);
        waitUntil("the job succeeded", WizardDriver.WAIT,
                () -> window.model().jobs().jobs().get(0).state() == org.duovirt.app.job.JobState.SUCCEEDED);
    }

    @Test
    void theHostsContextMenuAndTheToolbarOpenTheWizardAndCancelMakesNothing(FxRobot robot) {
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", "wiz-cancel");
        w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        waitUntil("wizard closed", WizardDriver.WAIT, () -> robot.lookup("#wizard-page-source").tryQuery()
                .map(n -> n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()).orElse(true));
        assertThat(visibleNames(robot)).doesNotContain("wiz-cancel");
        assertThat(window.model().jobs().jobs()).isEmpty();
    }

    @Test
    void theCloudImageSourceShowsItsFieldsAndItsProblemsInLightAndDark(FxRobot robot) throws Exception {
        Path image = Files.writeString(home.resolve("wiz-cloud.qcow2"), "not really an image");
        Path key = Files.writeString(home.resolve("wiz-key.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC wiz\n");
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> window.view().darkThemeItem().setSelected(dark));
            UiTestSupport.click(robot, "#tool-new-vm");
            WizardDriver w = new WizardDriver(robot);
            w.waitForPage("source");
            w.type("wizard-name", "wiz-cloud");
            w.chooseSource(InstallSource.CLOUD_IMAGE);
            w.type("wizard-cloud-image", image.toString());
            w.type("wizard-cloud-hostname", "web-1");
            w.type("wizard-cloud-user", dark ? "Eve\u202e<b> $(id)" : "alice");
            waitUntil("no key yet: nobody could log in", WizardDriver.WAIT,
                    () -> w.text("#wizard-cloud-user-data-box-problem").contains(dark ? "cannot be created" : "nobody can log in"));
            assertThat(w.enabled(ButtonBar.ButtonData.NEXT_FORWARD)).isFalse();
            assertThat(onFx(() -> w.current().lookup("#wizard-kernel").getParent().isVisible())).isFalse();
            if (dark) {
                assertThat(w.text("#wizard-cloud-user-data-box-problem")).as("the typed bidi override is shown escaped").contains("'Eve\\u202e<b> $(id)'");
                assertThat(onFx(() -> w.current().getStylesheets())).anyMatch(css -> css.endsWith("dark.css"));
                w.shot("wizard-cloud-dark-source.png");
                w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
                continue;
            }
            w.type("wizard-cloud-ssh-key", key.toString());
            waitUntil("the key clears the problem", WizardDriver.WAIT, () -> w.text("#wizard-cloud-user-data-box-problem") == null || w.text("#wizard-cloud-user-data-box-problem").isEmpty());
            w.shot("wizard-cloud-source.png");
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
            w.waitForPage("resources");
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
            w.waitForPage("storage");
            assertThat(onFx(() -> w.current().lookup("#wizard-storage-cloud-hint").isVisible())).isTrue();
            assertThat(onFx(() -> w.current().lookup("#wizard-pool").isDisabled())).as("the overlay's pool is always chosen").isFalse();
            w.shot("wizard-cloud-storage.png");
            w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        }
        robot.interact(() -> window.view().darkThemeItem().setSelected(false));
        assertThat(window.model().jobs().jobs()).isEmpty();
    }

    @Test
    void theNetworkPageShowsAMulticastMacAsAProblemInTheDarkTheme(FxRobot robot) throws Exception {
        Path kernel = Files.writeString(home.resolve("wiz-vmlinuz-nic"), "not really a kernel");
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        robot.interact(() -> window.view().darkThemeItem().setSelected(true));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", "wiz-nic");
        w.type("wizard-kernel", kernel.toString());
        for (int i = 0; i < 3; i++) {
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        }
        w.waitForPage("network");
        robot.interact(() -> ((javafx.scene.control.ComboBox<String>) w.current().lookup("#wizard-nic-model")).setValue("e1000"));
        w.type("wizard-mac", "01:00:5e:00:00:01");
        waitUntil("the MAC's problem", WizardDriver.WAIT, () -> String.valueOf(w.text("#wizard-mac-problem")).contains("multicast"));
        assertThat(w.enabled(ButtonBar.ButtonData.NEXT_FORWARD)).isFalse();
        w.shot("wizard-network-dark.png");
        w.type("wizard-mac", "52:54:00:12:34:56");
        waitUntil("Next again", WizardDriver.WAIT, () -> w.enabled(ButtonBar.ButtonData.NEXT_FORWARD));
        w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        robot.interact(() -> window.view().darkThemeItem().setSelected(false));
    }

    @Test
    void typingInTheOsFieldFiltersThePresetsByVendorAndPickingOneFillsItsId(FxRobot robot) {
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        javafx.scene.control.TextField os = onFx(() -> (javafx.scene.control.TextField) w.current().lookup("#wizard-os"));
        robot.clickOn(os).write("canonical 24");
        waitUntil("the picker lists Ubuntu 24.04 only", WizardDriver.WAIT, () -> onFx(() -> suggestions(robot))
                .equals(List.of("Ubuntu 24.04 LTS — ubuntu24.04 (Canonical Ltd)")));
        javafx.scene.Node list = onFx(() -> robot.lookup(".auto-complete-popup").query());
        WizardDriver.WaitForPulse.settle();
        WizardDriver.save(onFx(list::getScene), WizardDriver.shots().resolve("wizard-os-picker-popup.png"));
        w.shot("wizard-os-picker.png");
        UiTestSupport.click(robot, onFx(() -> robot.from(list).lookup(".list-cell").queryAll().stream()
                .filter(c -> "Ubuntu 24.04 LTS — ubuntu24.04 (Canonical Ltd)".equals(((javafx.scene.control.ListCell<?>) c).getText()))
                .findFirst().orElseThrow()));
        waitUntil("the short id in the field", WizardDriver.WAIT, () -> "ubuntu24.04".equals(onFx(os::getText)));
        w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    private static List<String> suggestions(FxRobot robot) {
        return robot.lookup(".auto-complete-popup").tryQuery().filter(javafx.scene.Node::isVisible)
                .map(n -> n instanceof javafx.scene.control.ListView<?> l ? l : (javafx.scene.control.ListView<?>) ((javafx.scene.Parent) n)
                        .lookup(".list-view"))
                .map(l -> l.getItems().stream().map(i -> ((javafx.scene.control.ListView<Object>) l).getCellFactory() == null
                        ? String.valueOf(i) : cellText(l, i)).toList()).orElse(List.of());
    }

    private static String cellText(javafx.scene.control.ListView<?> l, Object item) {
        return l.lookupAll(".list-cell").stream().map(c -> (javafx.scene.control.ListCell<?>) c)
                .filter(c -> c.getItem() == item).map(javafx.scene.control.ListCell::getText).findFirst().orElse(String.valueOf(item));
    }

    @Test
    void thePinningStepShowsTheGridAndItsWarningsInLightAndDark(FxRobot robot) throws Exception {
        Path kernel = Files.writeString(home.resolve("wiz-vmlinuz-pin"), "not really a kernel");
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> window.view().darkThemeItem().setSelected(dark));
            UiTestSupport.click(robot, "#tool-new-vm");
            WizardDriver w = new WizardDriver(robot);
            w.waitForPage("source");
            w.type("wizard-name", "wiz-pin");
            w.type("wizard-kernel", kernel.toString());
            w.press(ButtonBar.ButtonData.NEXT_FORWARD);
            w.waitForPage("resources");
            w.type("wizard-vcpus", "3");
            robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-pin-enable")).setSelected(true));
            org.duovirt.app.pinning.PinGrid grid = onFx(() -> (org.duovirt.app.pinning.PinGrid) w.current().lookup("#wizard-pin-grid"));
            waitUntil("three rows", WizardDriver.WAIT, () -> onFx(grid::rowCount) == 3);
            // vCPU 2 moves onto vCPU 0's CPU: two vCPUs alone on one CPU is what core.pin warns about.
            int cpu0 = onFx(() -> grid.set(0, org.duovirt.app.pinning.PinGrid.Layer.HARD)).stream().min().orElseThrow();
            int cpu2 = onFx(() -> grid.set(2, org.duovirt.app.pinning.PinGrid.Layer.HARD)).stream().min().orElseThrow();
            robot.interact(() -> grid.setCell(2, cpu0, true));
            robot.interact(() -> grid.setCell(2, cpu2, false));
            waitUntil("a warning beside the grid", WizardDriver.WAIT, () -> !String.valueOf(w.text("#wizard-pin-warnings")).isBlank());
            waitUntil("Next enabled", WizardDriver.WAIT, () -> w.enabled(ButtonBar.ButtonData.NEXT_FORWARD));
            w.shot(dark ? "wizard-pinning-dark.png" : "wizard-pinning.png");
            w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        }
        robot.interact(() -> window.view().darkThemeItem().setSelected(false));
    }

    private static List<String> problems(WizardDriver w) {
        return w.current().lookupAll(".problem").stream().map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t != null && !t.isEmpty()).toList();
    }

    @Test
    void theWizardFollowsTheDarkTheme(FxRobot robot) {
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        robot.interact(() -> window.view().darkThemeItem().setSelected(true));
        UiTestSupport.click(robot, "#tool-new-vm");
        WizardDriver w = new WizardDriver(robot);
        w.waitForPage("source");
        w.type("wizard-name", "bad\nname");
        w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        UiTestSupport.click(robot, "#tool-new-vm");
        w.waitForPage("source");
        w.type("wizard-name", "wiz <dark> \"q\"");
        assertThat(onFx(() -> w.current().getStylesheets())).anyMatch(css -> css.endsWith("dark.css"));
        w.shot("wizard-dark-source.png");
        w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        robot.interact(() -> window.view().darkThemeItem().setSelected(false));
    }

    @Test
    void theSourcePageOfEachKindClosesUpInLightAndDark(FxRobot robot) {
        waitUntil("connected", WizardDriver.WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> window.view().darkThemeItem().setSelected(dark));
            UiTestSupport.click(robot, "#tool-new-vm");
            WizardDriver w = new WizardDriver(robot);
            w.waitForPage("source");
            w.type("wizard-name", "source-kinds");
            for (InstallSource kind : InstallSource.values()) {
                w.chooseSource(kind);
                // The OS row follows the kind's last shown row at one row spacing (6 px; a wrapped hint line's row may be a few px
                // taller than its text), not 6 px more for each of the other kinds' hidden rows and problem lines (42 px and more).
                javafx.scene.Node os = onFx(() -> w.current().lookup("#wizard-os"));
                double osTop = onFx(() -> os.getBoundsInParent().getMinY());
                double above = onFx(() -> ((javafx.scene.layout.GridPane) os.getParent()).getChildren().stream()
                        .filter(n -> n.isManaged() && n.isVisible() && n != os && n.getBoundsInParent().getMaxY() <= osTop)
                        .mapToDouble(n -> n.getBoundsInParent().getMaxY()).max().orElse(0));
                w.shot("wizard-source-" + kind.name().toLowerCase(java.util.Locale.ROOT) + (dark ? "-dark" : "") + ".png");
                String aboveNode = onFx(() -> ((javafx.scene.layout.GridPane) os.getParent()).getChildren().stream()
                        .filter(n -> n.isManaged() && n.isVisible() && n != os && n.getBoundsInParent().getMaxY() <= osTop)
                        .max(java.util.Comparator.comparingDouble(n -> n.getBoundsInParent().getMaxY())).map(n -> n.getId() + " " + n)
                        .orElse(""));
                assertThat(osTop - above).as("the gap above the OS row for " + kind + " under " + aboveNode).isLessThan(20.0);
            }
            w.press(ButtonBar.ButtonData.CANCEL_CLOSE);
        }
        robot.interact(() -> window.view().darkThemeItem().setSelected(false));
    }
}
