package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard's storage choices on the real Xen test host (xl over SSH): an image of the owned image directory is
 * listed with its format, size and the VM using it; picking the one an owned VM uses names that VM beside the field,
 * a free one becomes the new VM's disk in the cfg, and the VM's delete with storage keeps it (a failed creation
 * keeping it is XenExistingDiskIT's). A cloud image is copied as the VM's disk with the NoCloud seed beside it, attached in the cfg and holding
 * the user's key; delete with storage removes both and keeps the image. The VMs are created, not booted: TCG Xen is too
 * slow to boot a real cloud OS, and the stand-in images hold none.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmXenChoicesIT {
    private static final String PREFIX = "wizxen-";
    private static final String IMAGES = "/var/lib/xen/duovirt/images";
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static volatile MainWindow current;
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        InjectingConnection.mode = "";
        var dirs = UiTestSupport.tempDirs(home.resolve("xit-" + System.nanoTime()),
                List.of(new ConnectionConfig(XenTestHosts.uri(), "xen-test", true)));
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri), NewVmXenChoicesIT::job),
                new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5)));
        current = window;
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        Theme.setDark(false);
        InjectingConnection.mode = "";
    }

    @AfterAll
    static void tidy() {
        try (HostConnection side = UiTestSupport.BACKENDS.connect(XenTestHosts.uri())) {
            side.listVms(true).stream().filter(v -> v.name().startsWith(PREFIX)).forEach(v -> {
                if (v.state().isActive()) {
                    side.destroy(v.name());
                }
                side.delete(v.name(), true);
            });
        }
        dom0("rm -f " + IMAGES + "/" + PREFIX + "*");
    }

    @Test
    void anImageInUseIsNamedAFreeOneBecomesTheDiskAndDeleteKeepsIt(FxRobot robot) {
        Theme.setDark(false);
        String id = Long.toString(System.nanoTime() % 1_000_000, 36);
        String used = IMAGES + "/" + PREFIX + "used-" + id + ".img";
        String free = IMAGES + "/" + PREFIX + "free-" + id + ".img";
        String owner = PREFIX + "owner-" + id;
        String vm = PREFIX + "vm-" + id;
        dom0("mkdir -p -m 0700 " + IMAGES + " && truncate -s 32M " + used + " " + free);
        try (HostConnection side = UiTestSupport.BACKENDS.connect(XenTestHosts.uri())) {
            side.create(new VmSpecBuilder().name(owner).memoryMiB(64).vcpus(1).mode("pv").importDisk(used)
                    .kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0").build(), ProgressListener.NONE);
            WizardDriver w = WizardDriver.kernelBootWithStorage(robot, vm, "/root/guest/vmlinuz", "/root/guest/initrd.gz", "96", d -> {
                d.pickExisting(used, WAIT);
                waitUntil("the image's user named beside the field", WAIT, () -> String.valueOf(d.text("#wizard-existing-path-box-problem"))
                        .contains("is already used by VM '" + owner + "'"));
                assertThat(listed(d, used)).as("the image with its format, size and user").contains(PREFIX + "used-" + id + ".img — raw, 32")
                        .contains("used by " + owner);
                d.shot("wizard-xen-existing-in-use.png");
                d.pickExisting(free, WAIT);
                waitUntil("the problem gone", WAIT, () -> onFx(() -> !d.current().lookup("#wizard-existing-path-box-problem").isVisible()));
                d.shot("wizard-xen-existing-image.png");
            }, "hvm", "pv");
            assertThat(w.text("#wizard-definition")).contains("format=raw,vdev=xvda,access=rw,target=" + free);
            assertThat(w.text("#wizard-summary")).contains("existing disk " + free);
            w.shot("wizard-xen-existing-summary.png");
            // Created only: one guest booting in the emulated dom0 is NewVmWizardXenIT's; this test is about the disk.
            robot.interact(() -> ((javafx.scene.control.CheckBox) w.current().lookup("#wizard-start-after")).setSelected(false));
            long t0 = System.nanoTime();
            w.press(ButtonBar.ButtonData.FINISH);
            waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
            System.out.println("WIZARD-XEN-EXISTING-CREATE-MS " + (System.nanoTime() - t0) / 1_000_000);
            assertThat(dom0("cat /etc/xen/duovirt/" + vm + ".cfg")).contains("target=" + free).doesNotContain("duovirt-owned-image");
            side.delete(vm, true);
            side.delete(owner, true);
        }
        assertThat(dom0("ls /etc/xen/duovirt/")).doesNotContain(vm).doesNotContain(owner);
        assertThat(dom0("ls " + IMAGES)).as("existing images outlive their VMs").contains(PREFIX + "free-" + id + ".img")
                .contains(PREFIX + "used-" + id + ".img");
    }

    @Test
    void aCloudImageIsCopiedAsTheDiskWithTheSeedAttachedHoldingTheKeyAndDeleteRemovesBoth(FxRobot robot) throws Exception {
        Theme.setDark(false);
        String id = Long.toString(System.nanoTime() % 1_000_000, 36);
        String image = IMAGES + "/" + PREFIX + "cloud-" + id + ".raw";
        String vm = PREFIX + "cloud-" + id;
        // A stand-in cloud image: a raw disk with a partition table's boot signature (no OS: TCG Xen is too slow to boot one).
        dom0("mkdir -p -m 0700 " + IMAGES + " && truncate -s 16M " + image
                + " && printf '\\125\\252' | dd of=" + image + " bs=1 seek=510 conv=notrunc status=none");
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx8hZ6xZtJQ0m8n5gS1d3kC2oJ3r0vR8mYc5x1aB2Cd alice \"$(id)\" é";
        Path keyFile = java.nio.file.Files.writeString(home.resolve("key-" + id + ".pub"), key + "\n");
        WizardDriver w = WizardDriver.cloudImageShown(robot, vm, image, keyFile.toString(), "alice", "96", "hvm", "pv", "wizard-xen-cloud");
        String disk = IMAGES + "/" + vm + ".img";
        String seed = IMAGES + "/" + vm + "-cidata.iso";
        assertThat(w.text("#wizard-definition")).contains("format=raw,vdev=xvda,access=rw,target=" + disk)
                .contains("format=raw,vdev=xvdb,access=ro,devtype=cdrom,target=" + seed);
        w.shot("wizard-xen-cloud-summary.png");
        // The stand-in image has no OS to boot, so the VM is only created.
        robot.interact(() -> ((javafx.scene.control.CheckBox) w.current().lookup("#wizard-start-after")).setSelected(false));
        long t0 = System.nanoTime();
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        System.out.println("WIZARD-XEN-CLOUD-CREATE-MS " + (System.nanoTime() - t0) / 1_000_000);
        String cfg = dom0("cat /etc/xen/duovirt/" + vm + ".cfg");
        assertThat(cfg).contains("devtype=cdrom,target=" + seed).contains("# duovirt-owned-image = \"" + seed + "\"");
        assertThat(dom0("stat -c '%a %s' " + seed + " " + IMAGES)).startsWith("600 ").contains("\n700 ");
        // The seed read back from dom0, unpacked here: its user-data holds the user's key.
        Path iso = home.resolve("seed-" + id + ".iso");
        java.nio.file.Files.write(iso, java.util.Base64.getDecoder().decode(dom0("base64 -w0 " + seed).strip()));
        Path out = home.resolve("seed-" + id);
        Commands.ok(List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", out.toString()), Duration.ofSeconds(60));
        assertThat(java.nio.file.Files.readString(out.resolve("user-data"))).startsWith("#cloud-config\n").contains("name: \"alice\"")
                .contains("- \"" + key.replace("\"", "\\\"") + "\"");
        assertThat(Commands.ok(List.of("xorriso", "-indev", iso.toString(), "-pvd_info"), Duration.ofSeconds(30))).contains("Volume Id    : cidata");
        try (HostConnection side = UiTestSupport.BACKENDS.connect(XenTestHosts.uri())) {
            assertThat(side.storage(vm).stream().filter(org.duovirt.core.model.StorageItem::owned).map(org.duovirt.core.model.StorageItem::path))
                    .as("delete lists the disk and the seed as the VM's own").containsExactlyInAnyOrder(disk, seed);
            side.delete(vm, true);
        }
        String left = dom0("ls /etc/xen/duovirt/ " + IMAGES);
        assertThat(left).doesNotContain(vm + ".cfg").doesNotContain(vm + ".img").doesNotContain(vm + "-cidata.iso")
                .as("the cloud image is never deleted with the VM").contains(PREFIX + "cloud-" + id + ".raw");
    }

    /** How the storage page lists the image at {@code path}. */
    @SuppressWarnings("unchecked")
    private static String listed(WizardDriver d, String path) {
        return onFx(() -> {
            var volumes = (javafx.scene.control.ComboBox<org.duovirt.core.model.VolumeInfo>) d.current().lookup("#wizard-volume");
            return volumes.getConverter().toString(volumes.getItems().stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow());
        });
    }

    private static Job job() {
        return WizardDriver.lastJob(current);
    }

    static String dom0(String command) {
        return Commands.ok(List.of(Repository.root().resolve("testing/xen-host/ssh").toString(), command), Duration.ofMinutes(2));
    }
}
