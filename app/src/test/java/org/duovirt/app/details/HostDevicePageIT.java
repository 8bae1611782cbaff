package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.HardwareItem.Kind;
import org.duovirt.core.model.HostDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Add Hardware's host devices through the window on the real libvirtd (qemu:///system): the host's PCI devices
 * (virsh nodedev-list --cap pci), the host bridge refused, the no-IOMMU sentence where the host has none; a free
 * device given to a SHUT-OFF VM's saved definition ({@code virsh dumpxml --inactive}), its page, and Remove (asked,
 * confirmed) takes it out again. The VM (hostdev-ui-*) is never started and no host driver is detached.
 */
@ExtendWith(ApplicationExtension.class)
class HostDevicePageIT {
    private static final String VM = "hostdev-ui-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Duration WAIT = LibvirtWindow.WAIT;
    private static final String TAB = "#details-" + VM;
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void define() throws Exception {
        Path xml = Files.createTempFile("hostdev-ui", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices></devices></domain>");
        LibvirtWindow.virsh("define", xml.toString());
        Files.deleteIfExists(xml);
    }

    @AfterAll
    static void remove() {
        LibvirtWindow.remove(VM);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = LibvirtWindow.open(stage, home);
    }

    @AfterEach
    void close() {
        LibvirtWindow.hide(window);
    }

    @SuppressWarnings("unchecked")
    private static ListView<HostDevice> devices(FxRobot robot) {
        return robot.lookup(TAB + " #hw-add-hostdev-list").queryAs(ListView.class);
    }

    private static List<HostDevice> shown(FxRobot robot) {
        return onFx(() -> List.copyOf(devices(robot).getItems()));
    }

    @Test
    void aFreePciDeviceIsAddedThroughThePageAndRemovedFromItsOwnPage(FxRobot robot) {
        LibvirtWindow.openDetails(robot, window, VM);
        UiTestSupport.click(robot, TAB + " #hw-add");
        List<String> virsh = LibvirtWindow.virsh("nodedev-list", "--cap", "pci").lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        waitUntil("host devices read", WAIT, () -> shown(robot).size() >= virsh.size());
        assertThat(shown(robot)).filteredOn(d -> d.bus() == HostDevice.Bus.PCI).extracting(HostDevice::name)
                .containsExactlyInAnyOrderElementsOf(virsh);
        String[] groups = new java.io.File("/sys/kernel/iommu_groups").list();
        String notice = robot.lookup(TAB + " #hw-add-hostdev-notice").queryLabeled().getText();
        assertThat(notice.contains("the VM will not start with it")).isEqualTo(groups == null || groups.length == 0);

        HostDevice bridge = shown(robot).stream().filter(d -> "a host bridge of the host's own PCI topology".equals(d.refused()))
                .findFirst().orElseThrow();
        HostDevice free = shown(robot).stream().filter(d -> d.bus() == HostDevice.Bus.PCI && d.allowed() && d.usedBy().isEmpty())
                .findFirst().orElseThrow();
        Button add = robot.lookup(TAB + " #hw-add-hostdev").queryButton();
        robot.interact(() -> devices(robot).getSelectionModel().select(bridge));
        waitUntil("the bridge refused", WAIT, () -> add.isDisabled()
                && robot.lookup(TAB + " #hw-add-hostdev-why").queryLabeled().getText().contains("stays with the host"));
        robot.interact(() -> devices(robot).getSelectionModel().select(free));
        waitUntil("the free device offered", WAIT, () -> !add.isDisabled());
        robot.interact(() -> {
            ScrollPane page = robot.lookup(TAB + " #hw-page").queryAs(ScrollPane.class);
            page.setVvalue(page.getVmax());
        });
        WaitForAsyncUtils.waitForFxEvents();
        UiTestSupport.savePng(window.view().getScene(), Path.of("target/screenshots/details-add-hostdev-kvm.png"));
        UiTestSupport.click(robot, add);

        String title = "PCI host device " + free.address();
        waitUntil("the device listed", WAIT, () -> LibvirtWindow.entries(robot, TAB).stream().anyMatch(e -> e.title().equals(title)));
        String[] p = free.address().split("[:.]");
        assertThat(LibvirtWindow.virsh("dumpxml", "--inactive", VM)).contains("<hostdev mode='subsystem' type='pci' managed='yes'>")
                .contains("<address domain='0x" + p[0] + "' bus='0x" + p[1] + "' slot='0x" + p[2] + "' function='0x" + p[3] + "'/>");
        assertThat(LibvirtWindow.virsh("domstate", VM).strip()).isEqualTo("shut off");
        waitUntil("marked as this VM's", WAIT, () -> shown(robot).stream().anyMatch(d -> d.name().equals(free.name())
                && d.usedBy().contains(VM)));

        HardwareEntry entry = LibvirtWindow.entries(robot, TAB).stream().filter(e -> e.title().equals(title)).findFirst().orElseThrow();
        assertThat(entry.item().kind()).isEqualTo(Kind.PCI_HOST);
        UiTestSupport.click(robot, TAB + " #" + HardwareView.cellId(entry));
        waitUntil("its page says what it is", WAIT, () -> robot.lookup(TAB + " #hw-hostdev-host-says").tryQueryAs(javafx.scene.control.Label.class)
                .map(l -> onFx(l::getText)).orElse("").equals(free.describe()));
        UiTestSupport.savePng(window.view().getScene(), Path.of("target/screenshots/details-hostdev-page-kvm.png"));
        UiTestSupport.click(robot, TAB + " #hw-page-remove");
        waitUntil("the question", WAIT, () -> robot.lookup(".dialog-pane .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("The device itself stays on the host.")));
        Button yes = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Remove".equals(b.getText())).findFirst().orElseThrow();
        UiTestSupport.click(robot, yes);
        waitUntil("gone from the list", WAIT, () -> LibvirtWindow.entries(robot, TAB).stream().noneMatch(e -> e.title().equals(title)));
        assertThat(LibvirtWindow.virsh("dumpxml", "--inactive", VM)).doesNotContain("<hostdev");
    }
}
