package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.Theme;
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
 * The New VM wizard end to end on the real libvirtd (qemu:///system, TCG): the tiny guest by direct
 * kernel boot with a new disk boots and its banner shows in the console tab the wizard opened; then
 * cancel during the volume step, cancel after the definition, and a failure injected at the start step,
 * each leaving no domain and no volume (virsh is the witness).
 */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "wiz-it-";
    private static final Path GUEST = Path.of("/var/lib/libvirt/images/wiz-guest");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static volatile MainWindow current;
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void host() {
        assertThat(virsh("version")).contains("Running hypervisor");
        cleanUp();
        Repository.buildGuest(GUEST);
    }

    @AfterAll
    static void tidy() {
        cleanUp();
    }

    @Start
    void start(Stage stage) throws Exception {
        Theme.setDark(false);
        InjectingConnection.mode = "";
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri), NewVmWizardIT::job), Timeouts.standard());
        current = window;
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void directKernelBootWithANewDiskBootsAndItsBannerShowsInTheConsoleTab(FxRobot robot) {
        String vm = PREFIX + "kb-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = fill(robot, vm, true);
        long t0 = System.nanoTime();
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        long createdMillis = (System.nanoTime() - t0) / 1_000_000;
        WizardDriver.awaitBanner(robot, WAIT);
        System.out.println("WIZARD-CREATE-AND-START-MS " + createdMillis);
        assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
        String xml = virsh("dumpxml", vm);
        assertThat(xml).contains("type='qemu'").contains("<kernel>" + GUEST.resolve("vmlinuz") + "</kernel>")
                .contains("<libosinfo:os id=\"http://debian.org/debian/12\"/>").doesNotContain("<interface");
        String volume = volumeOf(vm);
        assertThat(virsh("vol-list", "default")).contains(volume);
        virsh("destroy", vm);
        virsh("undefine", vm, "--remove-all-storage");
        assertThat(virsh("vol-list", "default")).doesNotContain(volume);
    }

    @Test
    void anIsoSourceIsAttachedAndTheVmBootsFromIt(FxRobot robot) {
        Path iso = GUEST.resolveSibling("wiz-it-test.iso");
        Commands.ok(List.of(Repository.root().resolve("testing/guest/build-iso").toString(), GUEST.toString(), iso.toString()),
                Duration.ofMinutes(2));
        String vm = PREFIX + "iso-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.iso(robot, vm, iso.toString(), "96", "0.05", "kvm", "qemu");
        assertThat(w.text("#wizard-definition")).contains("device=\"cdrom\"").contains(iso.toString());
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        // isolinux on the ISO boots the guest's kernel: its banner is the proof the VM booted from the CD.
        WizardDriver.awaitBanner(robot, WAIT);
        String xml = virsh("dumpxml", vm);
        assertThat(xml).contains("<boot dev='cdrom'/>").contains("device='cdrom'").contains(iso.toString())
                .doesNotContain("<kernel>");
        // Duovirt's delete with storage (not virsh's --remove-all-storage, which takes the ISO too).
        try (org.duovirt.core.spi.HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.destroy(vm);
            side.delete(vm, true);
        }
        assertNothingLeft(vm);
        assertThat(iso).as("the user's ISO is never deleted with the VM").exists();
        Commands.ok(List.of("rm", "-f", iso.toString()), Duration.ofSeconds(10));
    }

    @Test
    void aCloudImageGetsItsSeedWithTheUsersKeyAndDeleteRemovesSeedAndDisk(FxRobot robot) throws Exception {
        // The tiny guest boots by kernel, it has no disk of its own: a real (empty) qcow2 stands in for the cloud image.
        Path image = GUEST.resolveSibling("wiz-it-cloud-base.qcow2");
        Commands.ok(List.of("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "32M"), Duration.ofSeconds(30));
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC wizard \"it\" $(id) é";
        Path keyFile = java.nio.file.Files.writeString(home.resolve("wiz-it-" + System.nanoTime() + ".pub"), key + "\n");
        String vm = PREFIX + "cloud-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try {
            WizardDriver w = WizardDriver.cloudImage(robot, vm, image.toString(), keyFile.toString(), "alice", "96", "kvm", "qemu");
            assertThat(w.text("#wizard-definition")).contains("device=\"cdrom\"").contains(vm + "-cidata.iso");
            w.shot("wizard-cloud-summary.png");
            w.press(ButtonBar.ButtonData.FINISH);
            waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
            assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
            String seed = blockDevice(vm, "cdrom");
            String disk = blockDevice(vm, "disk");
            assertThat(seed).endsWith(vm + "-cidata.iso");
            assertThat(virsh("vol-dumpxml", disk)).contains("<path>" + image + "</path>");
            Path out = home.resolve("seed-" + System.nanoTime());
            Commands.ok(List.of("xorriso", "-osirrox", "on", "-indev", seed, "-extract", "/", out.toString()), Duration.ofSeconds(60));
            String userData = java.nio.file.Files.readString(out.resolve("user-data"));
            assertThat(userData).startsWith("#cloud-config\n").contains("name: \"alice\"")
                    .contains("- \"" + key.replace("\"", "\\\"") + "\"");
            assertThat(Commands.ok(List.of("xorriso", "-indev", seed, "-pvd_info"), Duration.ofSeconds(30))).contains("Volume Id    : cidata");
            try (org.duovirt.core.spi.HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
                assertThat(side.storage(vm).stream().filter(org.duovirt.core.model.StorageItem::owned).map(org.duovirt.core.model.StorageItem::path))
                        .as("delete lists the seed and the overlay as the VM's own").containsExactlyInAnyOrder(disk, seed);
                side.destroy(vm);
                side.delete(vm, true);
            }
            assertNothingLeft(vm);
            assertThat(image).as("the cloud image is never deleted with the VM").exists();
        } finally {
            Commands.ok(List.of("rm", "-f", image.toString()), Duration.ofSeconds(10));
        }
    }

    @Test
    void aCloudImageVmThatFailsToStartLeavesNeitherSeedNorDisk(FxRobot robot) throws Exception {
        Path image = GUEST.resolveSibling("wiz-it-cloud-fail.qcow2");
        Commands.ok(List.of("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "32M"), Duration.ofSeconds(30));
        Path keyFile = java.nio.file.Files.writeString(home.resolve("wiz-it-f" + System.nanoTime() + ".pub"),
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC x\n");
        InjectingConnection.mode = "fail-start";
        String vm = PREFIX + "cloudf-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try {
            WizardDriver.cloudImage(robot, vm, image.toString(), keyFile.toString(), "", "96", "kvm", "qemu")
                    .press(ButtonBar.ButtonData.FINISH);
            waitUntil("the job failed", WAIT, () -> job() != null && job().state() == JobState.FAILED);
            assertNothingLeft(vm);
            assertThat(virsh("vol-list", "default")).doesNotContain("cidata").contains("wiz-it-cloud-fail.qcow2");
        } finally {
            Commands.ok(List.of("rm", "-f", image.toString()), Duration.ofSeconds(10));
            virsh("pool-refresh", "default");
        }
    }

    private static String blockDevice(String vm, String device) {
        return virsh("domblklist", vm, "--details").lines().map(String::strip).map(l -> l.split("\\s+"))
                .filter(f -> f.length == 4 && f[1].equals(device)).map(f -> f[3]).findFirst().orElseThrow();
    }

    @Test
    void thePinningStepsPlanIsInTheDefinitionAndHoldsOnTheRunningVm(FxRobot robot) {
        String vm = PREFIX + "pin-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.kernelBootPinned(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", "kvm", "qemu");
        assertThat(w.text("#wizard-definition")).contains("<vcpupin vcpu=\"0\" cpuset=\"0\"/>").contains("<vcpupin vcpu=\"1\" cpuset=\"1\"/>");
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        String live = virsh("vcpupin", vm);
        String config = virsh("vcpupin", vm, "--config");
        for (String table : List.of(live, config)) {
            assertThat(table.lines().map(String::strip).filter(l -> l.matches("\\d+\\s+\\S+")).map(l -> l.replaceAll("\\s+", " ")))
                    .containsExactly("0 0", "1 1");
        }
        try (org.duovirt.core.spi.HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.destroy(vm);
            side.delete(vm, true);
        }
        assertNothingLeft(vm);
    }

    @Test
    void cancelDuringTheVolumeStepLeavesNothing(FxRobot robot) {
        InjectingConnection.mode = "cancel-at-disk";
        String vm = PREFIX + "cv-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        fill(robot, vm, true).press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job was cancelled", WAIT, () -> job() != null && job().state() == JobState.CANCELLED);
        assertNothingLeft(vm);
    }

    @Test
    void cancelAfterTheDefinitionStepLeavesNothing(FxRobot robot) {
        InjectingConnection.mode = "cancel-after-define";
        String vm = PREFIX + "cd-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        fill(robot, vm, true).press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job was cancelled", WAIT, () -> job() != null && job().state() == JobState.CANCELLED);
        assertNothingLeft(vm);
    }

    @Test
    void aFailureAtTheStartStepLeavesNothingAndShowsOneError(FxRobot robot) {
        InjectingConnection.mode = "fail-start";
        String vm = PREFIX + "fs-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        fill(robot, vm, true).press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job failed", WAIT, () -> job() != null && job().state() == JobState.FAILED);
        assertThat(job().errorOrNull().getMessage()).isEqualTo(InjectingConnection.FAILED_START);
        waitUntil("one error dialog", WAIT, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        assertNothingLeft(vm);
    }

    private WizardDriver fill(FxRobot robot, String vm, boolean disk) {
        return WizardDriver.kernelBoot(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", disk ? "0.05" : null, "kvm", "qemu");
    }

    private static Job job() {
        return WizardDriver.lastJob(current);
    }

    private static void assertNothingLeft(String vm) {
        assertThat(virsh("list", "--all", "--name").lines().map(String::strip)).doesNotContain(vm);
        assertThat(virsh("vol-list", "default")).doesNotContain(vm);
    }

    private static String volumeOf(String vm) {
        return virsh("domblklist", vm, "--details").lines().filter(l -> l.contains(" disk ")).map(l -> l.trim().split("\\s+")[3])
                .map(p -> Path.of(p).getFileName().toString()).findFirst().orElseThrow();
    }

    private static void cleanUp() {
        for (String name : virsh("list", "--all", "--name").lines().map(String::strip).filter(n -> n.startsWith(PREFIX)).toList()) {
            if (virsh("domstate", name).strip().startsWith("running")) {
                virsh("destroy", name);
            }
            virsh("undefine", name, "--remove-all-storage");
        }
    }

    private static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return Commands.ok(command, Duration.ofMinutes(3));
    }
}
