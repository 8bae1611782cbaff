package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.details.LibvirtWindow.virsh;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A disk page on the real libvirtd (qemu:///system, domain type qemu): a shut-off VM whose vda is a 1 MiB raw
 * volume of pool "default"; the cache mode set from the page (virsh dumpxml --inactive), a size beyond the
 * pool's free space refused next to the field, then Grow to 2 MiB (virsh vol-info). Named hwpages-disk-*.
 */
@ExtendWith(ApplicationExtension.class)
class DiskPageIT {
    private static final String VM = "hwpages-disk-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String VOLUME = VM + ".img";
    private static final Duration WAIT = LibvirtWindow.WAIT;
    private static final String TAB = "#details-" + VM;
    private static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void define() throws Exception {
        virsh("vol-create-as", "default", VOLUME, "1M", "--format", "raw");
        String path = virsh("vol-path", "--pool", "default", VOLUME).strip();
        Path xml = Files.createTempFile("hwpages-disk", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices><disk type='file' device='disk'>"
                + "<driver name='qemu' type='raw'/><source file='" + path + "'/><target dev='vda' bus='virtio'/></disk>"
                + "</devices></domain>");
        virsh("define", xml.toString());
        Files.deleteIfExists(xml);
    }

    @AfterAll
    static void remove() {
        LibvirtWindow.remove(VM);
        org.duovirt.core.testing.Commands.run(List.of("virsh", "-c", LibvirtWindow.URI, "vol-delete", "--pool", "default", VOLUME),
                Duration.ofMinutes(1));
    }

    @Start
    void start(Stage stage) throws Exception {
        window = LibvirtWindow.open(stage, home);
    }

    @AfterEach
    void close() {
        LibvirtWindow.hide(window);
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(TAB + " " + id).tryQueryAs(Label.class).map(l -> onFx(l::getText)).orElse("");
    }

    private static long capacity() {
        return virsh("vol-info", "--bytes", "--pool", "default", VOLUME).lines().filter(l -> l.startsWith("Capacity:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    @Test
    void cacheModeAndGrowFromTheDiskPageAsVirshSeesThem(FxRobot robot) {
        LibvirtWindow.openDetails(robot, window, VM);
        waitUntil("vda listed", WAIT, () -> LibvirtWindow.entries(robot, TAB).stream().anyMatch(e -> e.id().equals("disk:vda")));
        UiTestSupport.click(robot, TAB + " #hw-entry-disk-vda");
        waitUntil("the pool found", WAIT, () -> text(robot, "#hw-disk-grow-where").startsWith("In pool default: 1 MiB now"));

        ComboBox<String> cache = robot.lookup(TAB + " #hw-disk-cache").queryAs(ComboBox.class);
        robot.interact(() -> cache.setValue("writeback"));
        UiTestSupport.click(robot, TAB + " #hw-disk-cache-apply");
        waitUntil("virsh sees cache='writeback'", WAIT, () -> virsh("dumpxml", "--inactive", VM).contains("cache='writeback'"));
        assertThat(virsh("domblklist", VM, "--inactive")).contains(VOLUME);

        // The list is read again after the change and the page rebuilt: its settings then show the new cache mode.
        waitUntil("the page rebuilt with the new cache", WAIT, () -> "writeback".equals(text(robot, "#hw-setting-cache"))
                && text(robot, "#hw-disk-grow-where").startsWith("In pool"));
        TextField size = robot.lookup(TAB + " #hw-disk-grow-size").queryAs(TextField.class);
        robot.interact(() -> size.setText("100T"));
        waitUntil("too big for the pool", WAIT, () -> text(robot, "#hw-disk-grow-problem").startsWith("Pool default has "));
        boolean growOff = onFx(() -> robot.lookup(TAB + " #hw-disk-grow").queryAs(Button.class).isDisabled());
        assertThat(growOff).isTrue();
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve("hw-disk-page.png"));

        robot.interact(() -> size.setText("2M"));
        waitUntil("2M accepted", WAIT, () -> text(robot, "#hw-disk-grow-problem").isEmpty());
        UiTestSupport.click(robot, TAB + " #hw-disk-grow");
        waitUntil("virsh sees 2 MiB", WAIT, () -> capacity() == 2L << 20);
        waitUntil("the page shows 2 MiB", WAIT, () -> text(robot, "#hw-disk-grow-where").startsWith("In pool default: 2 MiB now"));
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve("hw-disk-page-dark.png"));
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
    }
}
