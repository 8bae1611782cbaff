package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;
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
 * The hardware list's pages on the real libvirtd (qemu:///system, domain type qemu) with a shut-off tiny guest:
 * memory and boot order changed from their pages, a disk added from Add Hardware and removed from its page
 * (answering the question), an RNG, a SPICE display and a serial port added and removed likewise, the CPU model
 * changed from the CPUs page, an emulated TPM added (then greyed with the reason) and removed, each checked with
 * {@code virsh dumpxml --inactive}. The VM is named det-hw-*.
 */
@ExtendWith(ApplicationExtension.class)
class HardwarePagesIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "det-hw-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Path GUEST_DIR = Path.of("/var/lib/libvirt/images/duovirt-test-det-hw");
    private static final Path DISK = Path.of("/var/lib/libvirt/images/" + VM + " extra \"disk\".img");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String TAB = "#details-" + VM;
    @TempDir
    static Path home;
    private MainWindow window;

    private static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

    private static String saved() {
        return virsh("dumpxml", "--inactive", VM);
    }

    @BeforeAll
    static void define() throws Exception {
        Repository.buildGuest(GUEST_DIR);
        Path xml = Files.createTempFile("det-hw", ".xml");
        Files.writeString(xml, "<domain type='qemu'><name>" + VM + "</name><memory unit='MiB'>96</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + GUEST_DIR.resolve("initrd.gz")
                + "'/><target dev='vda' bus='virtio'/><readonly/></disk><serial type='pty'/><console type='pty'/></devices></domain>");
        virsh("define", xml.toString());
        Files.deleteIfExists(xml);
        try (RandomAccessFile f = new RandomAccessFile(DISK.toFile(), "rw")) {
            f.setLength(1024 * 1024);
        }
    }

    @AfterAll
    static void remove() throws Exception {
        Commands.run(List.of("virsh", "-c", URI, "undefine", VM), Duration.ofMinutes(1));
        Files.deleteIfExists(DISK);
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
    private static List<String> entries(FxRobot robot) {
        return robot.lookup(TAB + " #hw-list").tryQueryAs(ListView.class)
                .map(l -> ((ListView<HardwareEntry>) l).getItems().stream().map(HardwareEntry::id).toList()).orElse(List.of());
    }

    private void openDetails(FxRobot robot) {
        waitUntil("the VM listed", WAIT, () -> onFx(() -> window.view().table().getItems().stream()
                .anyMatch(r -> r.name().equals(VM) && r.state() != null)));
        robot.interact(() -> {
            var table = window.view().table();
            VmRow row = table.getItems().stream().filter(r -> r.name().equals(VM)).findFirst().orElseThrow();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
        });
        UiTestSupport.click(robot, "#tool-details");
        waitUntil("hardware listed", WAIT, () -> entries(robot).contains("disk:vda"));
    }

    /** Removes the entry whose id starts with {@code prefix} from its page, answering the question. */
    private void removeEntry(FxRobot robot, String prefix) {
        String id = entries(robot).stream().filter(e -> e.startsWith(prefix)).findFirst().orElseThrow();
        UiTestSupport.click(robot, TAB + " #hw-entry-" + id.replace(':', '-'));
        UiTestSupport.click(robot, TAB + " #hw-remove");
        waitUntil("the question", WAIT, () -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> "Remove".equals(b.getText())));
        UiTestSupport.click(robot, robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Remove".equals(b.getText())).findFirst().orElseThrow());
    }

    @Test
    void anRngASpiceDisplayAndASerialPortAreAddedFromAddHardwareAndRemovedFromTheirPages(FxRobot robot) {
        openDetails(robot);
        // The CPU model first, from the CPUs page: a named model the host offers, saved for the next start.
        UiTestSupport.click(robot, TAB + " #hw-entry-cpus");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> model = robot.lookup(TAB + " #hw-cpu-model").queryAs(javafx.scene.control.ComboBox.class);
        waitUntil("the host's models listed", WAIT, () -> onFx(() -> model.getItems().size()) > 3);
        String chosen = onFx(() -> model.getItems().stream().filter(m -> !m.equals(model.getValue()) && !m.equals("default")
                && !m.startsWith("host-")).findFirst().orElseThrow());
        robot.interact(() -> model.setValue(chosen));
        UiTestSupport.click(robot, TAB + " #hw-cpu-model-apply");
        waitUntil("virsh sees CPU model " + chosen, WAIT, () -> saved().contains("<model fallback='forbid'>" + chosen + "</model>"));
        waitUntil("the page says so", WAIT, () -> robot.lookup(TAB + " #hw-cpu-model-outcome").queryLabeled().getText().contains(chosen));

        int serials = saved().split("<serial type='pty'>", -1).length - 1;
        UiTestSupport.click(robot, TAB + " #hw-add");
        UiTestSupport.click(robot, TAB + " #hw-add-rng");
        waitUntil("virsh sees the RNG", WAIT, () -> saved().contains("<backend model='random'>/dev/urandom</backend>"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> display = robot.lookup(TAB + " #hw-add-display-type").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> display.getSelectionModel().select("spice"));
        UiTestSupport.click(robot, TAB + " #hw-add-display");
        waitUntil("virsh sees the SPICE display", WAIT, () -> saved().contains("<graphics type='spice' autoport='yes' listen='127.0.0.1'>"));
        UiTestSupport.click(robot, TAB + " #hw-add-serial");
        waitUntil("virsh sees a second serial port", WAIT, () -> saved().split("<serial type='pty'>", -1).length - 1 == serials + 1);
        // All three in the list (libvirt files the new serial port before the RNG, so the RNG's id moves with it).
        waitUntil("the list shows them", WAIT, () -> entries(robot).stream().anyMatch(e -> e.startsWith("rng:"))
                && entries(robot).stream().anyMatch(e -> e.startsWith("graphics:"))
                && entries(robot).stream().filter(e -> e.startsWith("serial:")).count() == serials + 1);

        removeEntry(robot, "rng:");
        waitUntil("virsh no longer sees the RNG", WAIT, () -> !saved().contains("<rng"));
        waitUntil("the list drops the RNG", WAIT, () -> entries(robot).stream().noneMatch(e -> e.startsWith("rng:")));
        removeEntry(robot, "graphics:");
        waitUntil("virsh no longer sees the display", WAIT, () -> !saved().contains("<graphics"));
        removeEntry(robot, "serial:");
        waitUntil("one serial port fewer", WAIT, () -> saved().split("<serial type='pty'>", -1).length - 1 == serials);
    }

    @Test
    void aTpmIsAddedFromAddHardwareThenGreyedWithTheReasonAndRemovedFromItsPage(FxRobot robot) {
        openDetails(robot);
        UiTestSupport.click(robot, TAB + " #hw-add");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> model = robot.lookup(TAB + " #hw-add-tpm-type").queryAs(javafx.scene.control.ComboBox.class);
        Button add = robot.lookup(TAB + " #hw-add-tpm").queryAs(Button.class);
        // bin/setup installs swtpm, so libvirt offers its emulator with both models
        waitUntil("the host's TPM models offered", WAIT, () -> onFx(() -> model.getItems().contains("tpm-tis") && !add.isDisabled()));
        robot.interact(() -> model.getSelectionModel().select("tpm-tis"));
        UiTestSupport.click(robot, add);
        waitUntil("virsh sees the TPM", WAIT, () -> saved().contains("<tpm model='tpm-tis'>"));
        assertThat(saved()).contains("<backend type='emulator' version='2.0'");
        waitUntil("the list shows it", WAIT, () -> entries(robot).stream().anyMatch(e -> e.startsWith("tpm:")));
        waitUntil("Add TPM greyed with the reason", WAIT, () -> onFx(() -> add.isDisabled()
                && robot.lookup(TAB + " #hw-add-tpm-greyed").queryLabeled().getText().contains("has a TPM already")));

        removeEntry(robot, "tpm:");
        waitUntil("virsh no longer sees the TPM", WAIT, () -> !saved().contains("<tpm"));
        waitUntil("the list drops the TPM", WAIT, () -> entries(robot).stream().noneMatch(e -> e.startsWith("tpm:")));
        UiTestSupport.click(robot, TAB + " #hw-add");
        waitUntil("a TPM offered again", WAIT, () -> onFx(() -> !robot.lookup(TAB + " #hw-add-tpm").queryAs(Button.class).isDisabled()));
    }

    @SuppressWarnings("unchecked")
    @Test
    void memoryBootOrderAndADiskChangeFromThePagesAsVirshSees(FxRobot robot) {
        openDetails(robot);

        // Memory: 96 → 192 MiB from the Memory page; above the maximum, so the maximum follows.
        UiTestSupport.click(robot, TAB + " #hw-entry-memory");
        Spinner<Integer> memory = robot.lookup(TAB + " #details-memory").queryAs(Spinner.class);
        waitUntil("memory read", WAIT, () -> onFx(memory::getValue) == 96);
        robot.interact(() -> memory.getValueFactory().setValue(192));
        UiTestSupport.click(robot, TAB + " #details-memory-apply");
        waitUntil("virsh sees 192 MiB", WAIT, () -> saved().contains("<currentMemory unit='KiB'>196608</currentMemory>"));
        assertThat(saved()).contains("<memory unit='KiB'>196608</memory>");

        // Boot order: CD-ROM first, then the disk.
        UiTestSupport.click(robot, TAB + " #hw-entry-boot");
        UiTestSupport.click(robot, TAB + " #hw-boot-cdrom");
        ListView<BootOptionsViewModel.Choice> order = robot.lookup(TAB + " #hw-boot-order").queryAs(ListView.class);
        robot.interact(() -> order.getSelectionModel().select(1));
        UiTestSupport.click(robot, TAB + " #hw-boot-up");
        UiTestSupport.click(robot, TAB + " #hw-boot-apply");
        waitUntil("virsh sees cdrom, hd", WAIT, () -> saved().replaceAll("\\s+", " ").contains("<boot dev='cdrom'/> <boot dev='hd'/>"));

        // A disk added from Add Hardware (a path with spaces and quotes), then removed from its page.
        UiTestSupport.click(robot, TAB + " #hw-add");
        TextField path = robot.lookup(TAB + " #hw-add-disk-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(DISK.toString()));
        UiTestSupport.click(robot, TAB + " #hw-add-disk");
        waitUntil("virsh sees the new disk", WAIT, () -> virsh("domblklist", VM, "--inactive").contains(DISK.toString()));
        assertThat(saved()).contains("file='" + DISK.toString().replace("\"", "&quot;") + "'");
        waitUntil("the list shows vdb", WAIT, () -> entries(robot).contains("disk:vdb"));
        UiTestSupport.click(robot, TAB + " #hw-entry-disk-vdb");
        waitUntil("the vdb page", WAIT, () -> robot.lookup(TAB + " #hw-setting-source").tryQuery().isPresent());
        UiTestSupport.click(robot, TAB + " #hw-remove");
        waitUntil("the question", WAIT, () -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> "Detach".equals(b.getText())));
        Button detach = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Detach".equals(b.getText())).findFirst().orElseThrow();
        UiTestSupport.click(robot, detach);
        waitUntil("virsh no longer sees the disk", WAIT, () -> !virsh("domblklist", VM, "--inactive").contains(DISK.toString()));
        waitUntil("the list drops vdb", WAIT, () -> !entries(robot).contains("disk:vdb"));
        assertThat(DISK).exists();
        assertThat(saved()).contains("<currentMemory unit='KiB'>196608</currentMemory>");
    }
}
