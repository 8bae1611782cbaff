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
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.HardwareItem.Kind;
import org.duovirt.core.testing.Commands;
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
 * The read-only device pages on the real libvirtd (qemu:///system, domain type qemu): a shut-off VM with VNC
 * graphics (a password with quotes, {@code <} and {@code $(…)}), serial and console, video, sound, RNG, a TPM
 * and a USB and a PCI host device. Each page shows what {@code virsh dumpxml} says, the password only masked;
 * a screenshot of every page goes to app/target/screenshots (light, and the display page dark).
 * The VM is named hwpages-dev-*.
 */
@ExtendWith(ApplicationExtension.class)
class DevicePagesIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "hwpages-dev-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final String PASSWORD = "p<\"$(x)";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TAB = "#details-" + VM;
    private static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path home;
    private MainWindow window;

    static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

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
        virsh("define", xml.toString());
        Files.deleteIfExists(xml);
        assertThat(virsh("dumpxml", "--security-info", VM)).contains("passwd='p&lt;&quot;$(x)'");
    }

    @AfterAll
    static void remove() {
        Commands.run(List.of("virsh", "-c", URI, "undefine", VM), Duration.ofMinutes(1));
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs);
        onFx(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
            return null;
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @SuppressWarnings("unchecked")
    static List<HardwareEntry> entries(FxRobot robot, String tab) {
        return robot.lookup(tab + " #hw-list").tryQueryAs(ListView.class)
                .map(l -> List.copyOf(((ListView<HardwareEntry>) l).getItems())).orElse(List.of());
    }

    static void openDetails(FxRobot robot, MainWindow window, String vm) {
        waitUntil("the VM listed", WAIT, () -> onFx(() -> window.view().table().getItems().stream()
                .anyMatch(r -> r.name().equals(vm) && r.state() != null)));
        robot.interact(() -> {
            var table = window.view().table();
            VmRow row = table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().orElseThrow();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
        });
        UiTestSupport.click(robot, "#tool-details");
    }

    private String setting(FxRobot robot, String key) {
        return robot.lookup(TAB + " #hw-setting-" + key).tryQueryAs(Label.class).map(l -> onFx(l::getText)).orElse(null);
    }

    private List<String> pageTexts(FxRobot robot) {
        return robot.lookup(TAB + " #hw-page .label").queryAllAs(Label.class).stream().map(l -> onFx(l::getText)).toList();
    }

    private HardwareEntry show(FxRobot robot, Kind kind, String shot) {
        HardwareEntry entry = entries(robot, TAB).stream().filter(e -> e.item() != null && e.item().kind() == kind)
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " entry"));
        UiTestSupport.click(robot, TAB + " #" + HardwareView.cellId(entry));
        waitUntil(kind + " page", WAIT, () -> pageTexts(robot).contains(entry.title()));
        UiTestSupport.savePng(window.view().getScene(), SHOTS.resolve(shot));
        return entry;
    }

    @Test
    void eachDevicePageShowsWhatVirshSaysAndThePasswordOnlyMasked(FxRobot robot) {
        openDetails(robot, window, VM);
        waitUntil("hardware listed", WAIT, () -> entries(robot, TAB).stream().anyMatch(e -> e.item() != null
                && e.item().kind() == Kind.PCI_HOST));
        String xml = virsh("dumpxml", VM);

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
            assertThat(pageTexts(robot)).contains(org.duovirt.app.Messages.get("hw.read-only"));
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
