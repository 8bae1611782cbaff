package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.HostDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Add Hardware page's host devices in the real window, on the test driver with node devices in libvirt's shapes
 * (fixtures/hostdev-node.xml): every PCI and USB device listed, the filter, the host bridge and the USB root hub
 * refused with why, the GPU marked as another VM's, the receiver this VM has greyed; the VM's USB host-device page
 * says what the host calls it and asks before Remove. (The test driver cannot attach devices: that is proven on the
 * real libvirtd by HostDevicesIT and CliHostDevIT.)
 */
@ExtendWith(ApplicationExtension.class)
class HostDeviceSectionTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TAB = "#details-lab-vm";
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/hostdev-node.xml").toAbsolutePath();
        var dirs = UiTestSupport.tempDirs(home.resolve("hd-" + System.nanoTime()),
                List.of(new ConnectionConfig("test://" + fixture, "lab", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> entries(FxRobot robot) {
        return robot.lookup(TAB + " #hw-list").tryQueryAs(ListView.class)
                .map(l -> ((ListView<HardwareEntry>) l).getItems().stream().map(HardwareEntry::title).toList()).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static ListView<HostDevice> devices(FxRobot robot) {
        return robot.lookup(TAB + " #hw-add-hostdev-list").queryAs(ListView.class);
    }

    private static List<String> shown(FxRobot robot) {
        return UiTestSupport.onFx(() -> devices(robot).getItems().stream().map(HostDevice::name).toList());
    }

    private static String why(FxRobot robot) {
        return robot.lookup(TAB + " #hw-add-hostdev-why").queryLabeled().getText();
    }

    private static List<String> pageLabels(FxRobot robot) {
        return robot.lookup(TAB + " #hw-page .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private void select(FxRobot robot, String name) {
        robot.interact(() -> {
            ListView<HostDevice> list = devices(robot);
            list.getSelectionModel().select(list.getItems().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow());
        });
    }

    @Test
    void theHostsDevicesAreListedFilteredAndMarked(FxRobot robot) {
        waitUntil("fixture listed", WAIT, () -> visibleNames(robot).contains("lab-vm"));
        UiTestSupport.clickVmRow(robot, "lab-vm", WAIT);
        UiTestSupport.click(robot, "#tool-details");
        waitUntil("hardware listed", WAIT, () -> entries(robot).contains("USB host device 046d:c52b"));

        UiTestSupport.click(robot, TAB + " #hw-add");
        waitUntil("host devices read", WAIT, () -> shown(robot).size() == 5);
        assertThat(shown(robot)).containsExactly("pci_0000_00_00_0", "pci_0000_00_1f_3", "pci_0000_01_00_0", "usb_usb1", "usb_1_2");
        Button add = robot.lookup(TAB + " #hw-add-hostdev").queryButton();
        assertThat(add.isDisabled()).isTrue();
        assertThat(why(robot)).isEqualTo("Choose a device in the list.");
        // The fixture's PCI devices have IOMMU groups: no warning that the VM would not start.
        assertThat(robot.lookup(TAB + " #hw-add-hostdev-notice").queryLabeled().isVisible()).isFalse();

        select(robot, "pci_0000_00_00_0");
        waitUntil("the bridge refused", WAIT, () -> add.isDisabled()
                && why(robot).equals("PCI 0000:00:00.0 stays with the host: a host bridge of the host's own PCI topology."));
        select(robot, "usb_usb1");
        waitUntil("the root hub refused", WAIT, () -> why(robot).equals("USB 001.001 stays with the host: a USB root hub of the host."));
        select(robot, "usb_1_2");
        waitUntil("this VM's receiver greyed", WAIT, () -> add.isDisabled() && why(robot).equals("VM 'lab-vm' has this device already."));
        select(robot, "pci_0000_01_00_0");
        waitUntil("the GPU offered, shared", WAIT, () -> !add.isDisabled()
                && why(robot).equals("VM 'media-box' has this device too: only one of them can run with it."));
        select(robot, "pci_0000_00_1f_3");
        waitUntil("the sound card offered", WAIT, () -> !add.isDisabled() && why(robot).isEmpty());

        TextField filter = robot.lookup(TAB + " #hw-add-hostdev-filter").queryAs(TextField.class);
        robot.interact(() -> filter.setText("nvidia 1c82"));
        assertThat(shown(robot)).containsExactly("pci_0000_01_00_0");
        robot.interact(() -> filter.setText("046d:c52b"));
        assertThat(shown(robot)).containsExactly("usb_1_2");
        robot.interact(() -> filter.setText(""));
        waitUntil("all again", WAIT, () -> shown(robot).size() == 5);
        String marks = UiTestSupport.onFx(() -> window.view().lookupAll("#hw-hostdev-pci_0000_01_00_0 .label").stream()
                .map(n -> ((Label) n).getText()).toList()).toString();
        assertThat(marks).contains("PCI 0000:01:00.0 NVIDIA Corporation GP107 [GeForce GTX 1050 Ti] (10de:1c82)")
                .contains("IOMMU group 1").contains("in VM media-box");

        select(robot, "pci_0000_00_1f_3");
        robot.interact(() -> {
            ScrollPane page = robot.lookup(TAB + " #hw-page").queryAs(ScrollPane.class);
            page.setVvalue(page.getVmax());
        });
        WaitForAsyncUtils.waitForFxEvents();
        UiTestSupport.savePng(window.view().getScene(), Path.of("target/screenshots/details-add-hostdev.png"));

        @SuppressWarnings("unchecked")
        HardwareEntry usb = ((ListView<HardwareEntry>) robot.lookup(TAB + " #hw-list").queryAs(ListView.class)).getItems().stream()
                .filter(e -> e.title().equals("USB host device 046d:c52b")).findFirst().orElseThrow();
        UiTestSupport.click(robot, TAB + " #" + HardwareView.cellId(usb));
        waitUntil("the USB page", WAIT, () -> pageLabels(robot).contains("USB 001.004 Logitech, Inc. Unifying Receiver (046d:c52b)"));
        assertThat(pageLabels(robot)).contains("On the host", "Takes the device from the VM; it stays on the host.");
        UiTestSupport.click(robot, TAB + " #hw-page-remove");
        waitUntil("the question", WAIT, () -> robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("The device itself stays on the host.")));
        Button cancel = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(Button::isCancelButton).findFirst().orElseThrow();
        UiTestSupport.click(robot, cancel);
        waitUntil("dialog closed", WAIT, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        assertThat(entries(robot)).contains("USB host device 046d:c52b");
    }
}
