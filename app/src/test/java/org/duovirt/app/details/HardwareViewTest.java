package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
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

/** The hardware list of the details tab in the real window, on the mixed test-driver fixture. */
@ExtendWith(ApplicationExtension.class)
class HardwareViewTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TAB = "#details-build-runner";
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("hw-" + System.nanoTime()),
                List.of(new ConnectionConfig(UiTestSupport.mixedFixtureUri(), "lab", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    private void openDetails(FxRobot robot) {
        waitUntil("fixture listed", WAIT, () -> visibleNames(robot).contains("build-runner"));
        UiTestSupport.clickVmRow(robot, "build-runner", WAIT);
        UiTestSupport.click(robot, "#tool-details");
        waitUntil("hardware listed", WAIT, () -> entries(robot).contains("Disk vda"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> entries(FxRobot robot) {
        return robot.lookup(TAB + " #hw-list").tryQueryAs(ListView.class)
                .map(l -> ((ListView<HardwareEntry>) l).getItems().stream().map(HardwareEntry::title).toList()).orElse(List.of());
    }

    private static List<String> pageLabels(FxRobot robot) {
        return robot.lookup(TAB + " #hw-page .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void theListShowsEveryDeviceAndEachPageItsSettings(FxRobot robot) {
        openDetails(robot);
        assertThat(entries(robot)).containsExactly("Overview", "Boot options", "CPUs", "Memory", "Disk vda", "CD-ROM sda",
                "NIC 00:00:04",
                "Controller (sata)");
        assertThat(pageLabels(robot)).contains("build-runner", "f0604667-f626-55f0-8fc2-c3464ff78a4b");
        assertThat(robot.lookup(TAB + " #hw-remove").queryButton().isDisabled()).isTrue();

        UiTestSupport.click(robot, TAB + " #hw-entry-disk-vda");
        waitUntil("disk page", WAIT, () -> pageLabels(robot).contains("Disk vda"));
        assertThat(pageLabels(robot)).contains("Source", "/var/lib/libvirt/images/build-runner.qcow2", "Bus", "virtio",
                "Detaches the disk; its storage stays on the host.");
        assertThat(robot.lookup(TAB + " #hw-remove").queryButton().isDisabled()).isFalse();

        UiTestSupport.click(robot, TAB + " #hw-entry-disk-sda");
        waitUntil("CD-ROM page", WAIT, () -> pageLabels(robot).contains("CD-ROM sda"));
        assertThat(pageLabels(robot)).contains("/srv/iso/debian-12.8-amd64-netinst.iso", "Read-only", "sata");
        assertThat(robot.lookup(TAB + " #hw-iso").tryQuery()).isPresent();

        UiTestSupport.click(robot, TAB + " #hw-entry-nic-52-54-00-00-00-04");
        waitUntil("NIC page", WAIT, () -> pageLabels(robot).contains("NIC 00:00:04"));
        assertThat(pageLabels(robot)).contains("52:54:00:00:00:04", "default", "virtio");
        assertThat(robot.lookup(TAB + " #hw-link-down").tryQuery()).isPresent();

        UiTestSupport.click(robot, TAB + " #hw-entry-memory");
        waitUntil("memory page", WAIT, () -> pageLabels(robot).contains("Maximum memory"));
        assertThat(robot.lookup(TAB + " #hw-remove").queryButton().isDisabled()).isTrue();
    }

    @SuppressWarnings("unchecked")
    @Test
    void bootOrderAndMemoryAreAppliedFromTheirPagesAndReadBack(FxRobot robot) {
        openDetails(robot);
        UiTestSupport.click(robot, TAB + " #hw-entry-boot");
        waitUntil("boot page", WAIT, () -> robot.lookup(TAB + " #hw-boot-hd").tryQuery().isPresent());
        CheckBox hd = robot.lookup(TAB + " #hw-boot-hd").queryAs(CheckBox.class);
        boolean hdWasOn = hd.isSelected();
        if (hdWasOn) {
            UiTestSupport.click(robot, hd);
        }
        waitUntil("nothing ticked is refused", WAIT, () -> pageLabels(robot).contains("Tick at least one boot device."));
        assertThat(robot.lookup(TAB + " #hw-boot-apply").queryButton().isDisabled()).isTrue();
        UiTestSupport.click(robot, TAB + " #hw-boot-network");
        UiTestSupport.click(robot, TAB + " #hw-boot-hd");
        ListView<BootOptionsViewModel.Choice> order = robot.lookup(TAB + " #hw-boot-order").queryAs(ListView.class);
        int network = UiTestSupport.onFx(() -> order.getItems().stream().map(c -> c.device().word()).toList().indexOf("network"));
        robot.interact(() -> order.getSelectionModel().select(network));
        for (int i = 0; i < network; i++) {
            UiTestSupport.click(robot, TAB + " #hw-boot-up");
        }
        assertThat(UiTestSupport.onFx(() -> order.getItems().get(0).device().word())).isEqualTo("network");
        UiTestSupport.click(robot, TAB + " #hw-boot-apply");
        HardwareView view = robot.lookup(TAB).queryAs(HardwareView.class);
        waitUntil("the host has the new order", WAIT, () -> UiTestSupport.onFx(() -> order.getItems().stream()
                .filter(c -> c.enabled().get()).map(c -> c.device().word()).toList()).equals(List.of("network", "hd")));
        assertThat(view).isNotNull();

        UiTestSupport.click(robot, TAB + " #hw-entry-memory");
        Spinner<Integer> memory = robot.lookup(TAB + " #details-memory").queryAs(Spinner.class);
        robot.interact(() -> memory.getValueFactory().setValue(2048));
        UiTestSupport.click(robot, TAB + " #details-memory-apply");
        waitUntil("saved", WAIT, () -> pageLabels(robot).contains("Saved; the new values apply at the next start."));
        waitUntil("the table shows 2 GiB", WAIT, () -> UiTestSupport.onFx(
                () -> UiTestSupport.row(robot, "build-runner").memoryMiBProperty().get()) == 2048);
    }

    @Test
    void addHardwareChecksTheFieldsAndRemoveAsksFirst(FxRobot robot) {
        openDetails(robot);
        UiTestSupport.click(robot, TAB + " #hw-add");
        waitUntil("add page", WAIT, () -> pageLabels(robot).contains("Add hardware"));
        TextField path = robot.lookup(TAB + " #hw-add-disk-path").queryAs(TextField.class);
        robot.interact(() -> path.setText("relative.qcow2"));
        assertThat(pageLabels(robot)).anyMatch(t -> t.contains("not absolute"));
        assertThat(robot.lookup(TAB + " #hw-add-disk").queryButton().isDisabled()).isTrue();
        robot.interact(() -> path.setText("/srv/my \"data\" é.img"));
        assertThat(robot.lookup(TAB + " #hw-add-disk").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup(TAB + " #hw-add-nic").queryButton().isDisabled()).isTrue();
        // The test driver has no domain capabilities: the TPM row is greyed and says so.
        waitUntil("the TPM greyed with the reason", WAIT, () -> robot.lookup(TAB + " #hw-add-tpm").queryButton().isDisabled()
                && robot.lookup(TAB + " #hw-add-tpm-greyed").queryLabeled().getText().equals("This host does not say which TPMs its VMs can have."));

        UiTestSupport.click(robot, TAB + " #hw-entry-disk-vda");
        UiTestSupport.click(robot, TAB + " #hw-remove");
        waitUntil("the question", WAIT, () -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("its storage (/var/lib/libvirt/images/build-runner.qcow2) is kept")));
        Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(Button::isCancelButton).findFirst().orElseThrow();
        UiTestSupport.click(robot, cancel);
        waitUntil("dialog closed", WAIT, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(entries(robot)).contains("Disk vda");
    }

    @Test
    void thePagesWorkInTheDarkTheme(FxRobot robot) {
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        assertThat(window.view().getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        openDetails(robot);
        UiTestSupport.click(robot, TAB + " #hw-entry-cpus");
        waitUntil("CPU page", WAIT, () -> robot.lookup(TAB + " #details-vcpus").tryQuery().isPresent());
        Label title = robot.lookup(TAB + " #hw-page .section-title").queryAs(Label.class);
        // The dark theme's text colour, not the light theme's near-black.
        javafx.scene.paint.Color fill = (javafx.scene.paint.Color) UiTestSupport.onFx(title::getTextFill);
        assertThat(fill.getBrightness()).isGreaterThan(0.6);
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
    }
}
