package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.HardwareItem.Kind;
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
 * The read-only device pages on the real libvirtd (qemu:///system, domain type qemu): a shut-off VM with VNC
 * graphics (a password with quotes, {@code <} and {@code $(…)}), serial and console, video, sound, RNG, a TPM
 * and a USB and a PCI host device. Each page shows what {@code virsh dumpxml} says, the password only masked;
 * a screenshot of every page goes to app/target/screenshots (light, and the display page dark).
 * The VM is named hwpages-dev-*.
 */
@ExtendWith(ApplicationExtension.class)
class DevicePagesIT {
    private static final String VM = "hwpages-dev-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String PASSWORD = "p<\"$(x)";
    private static final Duration WAIT = LibvirtWindow.WAIT;
    private static final String TAB = "#details-" + VM;
    private static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void define() throws Exception {
        Path xml = Files.createTempFile("hwpages-dev", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
                + "<graphics type='vnc' port='5951' autoport='no' listen='127.0.0.1' passwd='p&lt;&quot;$(x)'/>"
                + "<serial type='pty'><target port='0'/></serial><console type='pty'><target type='serial' port='0'/></console>"
                + "<video><model type='vga' vram='16384' heads='1'/></video><sound model='ich6'/>"
                + "<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>"
                + "<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>"
                + "<hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x046d'/><product id='0xc52b'/></source></hostdev>"
                + "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x03' slot='0x00' function='0x0'/></source></hostdev>"
                + "</devices></domain>");
        LibvirtWindow.virsh("define", xml.toString());
        Files.deleteIfExists(xml);
        assertThat(LibvirtWindow.virsh("dumpxml", "--security-info", VM)).contains("passwd='p&lt;&quot;$(x)'");
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

    private String setting(FxRobot robot, String key) {
        return robot.lookup(TAB + " #hw-setting-" + key).tryQueryAs(Label.class).map(l -> onFx(l::getText)).orElse(null);
    }

    private List<String> pageTexts(FxRobot robot) {
        return robot.lookup(TAB + " #hw-page .label").queryAllAs(Label.class).stream().map(l -> onFx(l::getText)).toList();
    }

    private HardwareEntry show(FxRobot robot, Kind kind, String shot) {
        HardwareEntry entry = LibvirtWindow.entries(robot, TAB).stream().filter(e -> e.item() != null && e.item().kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " entry"));
        UiTestSupport.click(robot, TAB + " #" + HardwareView.cellId(entry));
        waitUntil(kind + " page", WAIT, () -> pageTexts(robot).contains(entry.title()));
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve(shot));
        return entry;
    }

    @Test
    void eachDevicePageShowsWhatVirshSaysAndThePasswordOnlyMasked(FxRobot robot) {
        LibvirtWindow.openDetails(robot, window, VM);
        waitUntil("hardware listed", WAIT, () -> LibvirtWindow.entries(robot, TAB).stream().anyMatch(e -> e.item() != null
                && e.item().kind() == Kind.PCI_HOST));
        String xml = LibvirtWindow.virsh("dumpxml", VM);

        show(robot, Kind.GRAPHICS, "hw-page-display.png");
        assertThat(setting(robot, "type")).isEqualTo("vnc");
        assertThat(setting(robot, "listen")).isEqualTo("127.0.0.1");
        assertThat(setting(robot, "port")).isEqualTo("5951");
        assertThat(xml).contains("port='5951'", "listen='127.0.0.1'");
        assertThat(setting(robot, "password")).startsWith("••••").contains("set");
        assertThat(pageTexts(robot)).noneMatch(t -> t != null && t.contains("$(x)"));

        Map<Kind, Map<String, String>> expected = new java.util.LinkedHashMap<>();
        expected.put(Kind.SERIAL, Map.of("type", "pty", "target", "isa-serial", "port", "0"));
        expected.put(Kind.CONSOLE, Map.of("type", "pty", "target", "serial"));
        expected.put(Kind.VIDEO, Map.of("model", "vga", "vram", "16384", "heads", "1"));
        expected.put(Kind.SOUND, Map.of("model", "ich6"));
        expected.put(Kind.RNG, Map.of("model", "virtio", "source", "/dev/urandom"));
        expected.put(Kind.TPM, Map.of("model", "tpm-tis", "backend", "passthrough", "path", "/dev/tpm0"));
        expected.put(Kind.USB_HOST, Map.of("vendor", "0x046d", "product", "0xc52b"));
        expected.put(Kind.PCI_HOST, Map.of("address", "0x0000:0x03:0x00:0x0"));
        for (var kind : expected.entrySet()) {
            show(robot, kind.getKey(), "hw-page-" + kind.getKey().name().toLowerCase(java.util.Locale.ROOT) + ".png");
            kind.getValue().forEach((key, value) -> assertThat(setting(robot, key)).as(kind.getKey() + " " + key).isEqualTo(value));
            // a serial port, an RNG, a TPM and a host device can be removed from their page (Add Hardware makes them); the rest is read-only
            String foot = switch (kind.getKey()) {
                case SERIAL -> "hw.remove.saved-hint";
                case RNG -> "hw.remove.rng-hint";
                case TPM -> "hw.remove.tpm-hint";
                case USB_HOST, PCI_HOST -> "hw.remove.hostdev-hint";
                default -> "hw.read-only";
            };
            assertThat(pageTexts(robot)).as(kind.getKey() + "'s page").contains(org.duovirt.app.Messages.get(foot));
        }
        assertThat(xml).contains("<model type='vga' vram='16384' heads='1'", "<sound model='ich6'>", "/dev/tpm0",
                "<vendor id='0x046d'/>", "bus='0x03'");

        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        show(robot, Kind.GRAPHICS, "hw-page-display-dark.png");
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
    }
}
