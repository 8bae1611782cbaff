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
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
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
 * The wizard's storage and platform choices on the real libvirtd: an existing volume picked from the pool is the
 * VM's disk (virsh shows it with its own format); a volume another VM uses shows that VM's name beside the field;
 * neither delete with storage nor a failed creation removes the existing volume; a CPU model picked from the host's
 * domain capabilities is in the running VM's definition, host-passthrough greyed under TCG with the reason.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmChoicesIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "wizard2-st-";
    private static final Path GUEST = Path.of("/var/lib/libvirt/images/wizard2-guest");
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
        InjectingConnection.mode = "";
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri), NewVmChoicesIT::job),
                Timeouts.standard());
        current = window;
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        Theme.setDark(false);
        InjectingConnection.mode = "";
    }

    @Test
    void anExistingVolumeBecomesTheDiskAVolumeInUseIsNamedAndDeleteKeepsTheVolume(FxRobot robot) {
        Theme.setDark(false);
        String id = Long.toString(System.nanoTime() % 1_000_000, 36);
        String free = volume(PREFIX + "free-" + id + ".raw", "raw");
        String used = volume(PREFIX + "used-" + id + ".qcow2", "qcow2");
        String owner = PREFIX + "owner-" + id;
        String vm = PREFIX + "vm-" + id;
        try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.create(new VmSpec(owner, 64, 1, new VmSpec.Storage.ImportDisk(used), new VmSpec.Boot.Kernel(
                    GUEST.resolve("vmlinuz").toString(), null, null), null, VirtMode.QEMU, null, null, null), ProgressListener.NONE);
            WizardDriver w = WizardDriver.kernelBootWithStorage(robot, vm, GUEST.resolve("vmlinuz").toString(),
                    GUEST.resolve("initrd.gz").toString(), "96", d -> {
                        d.pickExisting(used);
                        waitUntil("the volume's user named beside the field", WAIT, () -> String.valueOf(d.text("#wizard-existing-path-box-problem"))
                                .contains("is already used by VM '" + owner + "'"));
                        d.shot("wizard-existing-in-use.png");
                        d.pickExisting(free);
                        waitUntil("the problem gone", WAIT, () -> onFx(() -> !d.current().lookup("#wizard-existing-path-box-problem").isVisible()));
                        d.shot("wizard-existing-volume.png");
                    }, "kvm", "qemu");
            assertThat(w.text("#wizard-definition")).contains("<source file=\"" + free + "\"/>").contains("type=\"raw\"");
            assertThat(w.text("#wizard-summary")).contains("existing disk " + free);
            w.shot("wizard-existing-summary.png");
            w.press(ButtonBar.ButtonData.FINISH);
            waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
            assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
            assertThat(virsh("dumpxml", vm)).contains("<driver name='qemu' type='raw'/>").contains("<source file='" + free + "'");
            side.destroy(vm);
            side.delete(vm, true);
            side.delete(owner, true);
        }
        assertThat(virsh("list", "--all", "--name")).doesNotContain(vm).doesNotContain(owner);
        assertThat(virsh("vol-list", "default")).as("existing volumes outlive their VMs").contains(free).contains(used);
    }

    @Test
    void aFailedCreationWithAnExistingVolumeLeavesTheVolumeAndNoVm(FxRobot robot) {
        Theme.setDark(true);
        String id = Long.toString(System.nanoTime() % 1_000_000, 36);
        String free = volume(PREFIX + "keep-" + id + ".qcow2", "qcow2");
        String vm = PREFIX + "fail-" + id;
        InjectingConnection.mode = "fail-start";
        WizardDriver.kernelBootWithStorage(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", d -> {
                    d.pickExisting(free);
                    d.shot("wizard-existing-volume-dark.png");
                }, "kvm", "qemu").press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job failed", WAIT, () -> job() != null && job().state() == JobState.FAILED);
        assertThat(job().errorOrNull().getMessage()).isEqualTo(InjectingConnection.FAILED_START);
        waitUntil("the VM removed again", WAIT, () -> !virsh("list", "--all", "--name").contains(vm));
        assertThat(virsh("vol-list", "default")).as("the existing volume the wizard did not make stays").contains(free);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNamedCpuModelFromTheHostIsInTheRunningVmAndHostPassthroughIsGreyedUnderTcg(FxRobot robot) {
        Theme.setDark(true); // the new rows in the dark theme (the storage page is shot in both)
        String vm = PREFIX + "cpu-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.kernelBoot(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", null, "kvm", "qemu");
        w.press(ButtonBar.ButtonData.BACK_PREVIOUS);
        w.waitForPage("platform");
        ComboBox<org.duovirt.core.model.CpuModelOption> models = onFx(() -> (ComboBox<org.duovirt.core.model.CpuModelOption>)
                w.current().lookup("#wizard-cpu-model"));
        waitUntil("the host's CPU models", WAIT, () -> onFx(() -> models.getItems().stream().anyMatch(o -> o.name().equals("qemu64"))));
        assertThat(onFx(() -> models.getItems().stream().filter(o -> o.name().equals("host-passthrough")).findFirst().orElseThrow().available()))
                .as("host-passthrough greyed under TCG").isFalse();
        assertThat(w.text("#wizard-cpu-model-greyed")).startsWith("host-passthrough needs hardware virtualization (KVM)");
        robot.interact(() -> models.setValue(models.getItems().stream().filter(o -> o.name().equals("qemu64")).findFirst().orElseThrow()));
        w.shot("wizard-cpu-model-dark.png");
        robot.interact(models::show);
        waitUntil("the list open", WAIT, () -> robot.lookup(".combo-box-popup .list-view").tryQuery().isPresent());
        WizardDriver.WaitForPulse.settle();
        WizardDriver.save(onFx(() -> robot.lookup(".combo-box-popup .list-view").query().getScene()),
                WizardDriver.shots().resolve("wizard-cpu-model-list.png"));
        robot.interact(models::hide);
        w.press(ButtonBar.ButtonData.NEXT_FORWARD);
        w.waitForPage("summary");
        waitUntil("the definition names the model", WAIT, () -> w.text("#wizard-definition").contains("<model fallback=\"forbid\">qemu64</model>"));
        assertThat(w.text("#wizard-summary")).contains("CPU model: qemu64");
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
        assertThat(virsh("dumpxml", vm)).contains("<cpu mode='custom' match='exact'").contains("<model fallback='forbid'>qemu64</model>");
        try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.destroy(vm);
            side.delete(vm, true);
        }
        assertThat(virsh("list", "--all", "--name")).doesNotContain(vm);
    }

    @Test
    void aNetworkBootVmBootsFromItsDhcpNetworkAndItsIpxeAsksForAnAddress(FxRobot robot) throws Exception {
        Theme.setDark(false);
        String net = PREFIX + "pxe";
        Path xml = java.nio.file.Files.writeString(home.resolve("pxe-net.xml"), "<network><name>" + net + "</name><bridge name='wiz2pxe0'/>"
                + "<ip address='192.168.231.1' netmask='255.255.255.0'><dhcp><range start='192.168.231.100' end='192.168.231.120'/>"
                + "</dhcp></ip></network>");
        virsh("net-create", xml.toString());
        String vm = PREFIX + "pxe-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        try {
            WizardDriver w = WizardDriver.networkBoot(robot, vm, net, "96", "kvm", "qemu");
            assertThat(w.text("#wizard-definition")).contains("<boot dev=\"network\"/>").contains("<source network=\"" + net + "\"/>");
            w.shot("wizard-pxe-summary.png");
            w.press(ButtonBar.ButtonData.FINISH);
            waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
            assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
            String defined = virsh("dumpxml", vm);
            assertThat(defined).contains("<boot dev='network'/>").doesNotContain("<kernel>");
            String mac = defined.replaceAll("(?s).*<mac address='([0-9a-f:]+)'/>.*", "$1");
            // The NIC's iPXE ROM (Debian's ipxe-qemu) asking the network's dnsmasq for an address is the proof it booted from the network.
            waitUntil("iPXE's DHCP lease on " + net, Duration.ofMinutes(3), () -> virsh("net-dhcp-leases", net).contains(mac));
            try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
                side.destroy(vm);
                side.delete(vm, true);
            }
            assertThat(virsh("list", "--all", "--name")).doesNotContain(vm);
        } finally {
            virsh("net-destroy", net);
        }
    }

    @Test
    void customizeBeforeInstallRefusesASchemaViolationInOneSentenceAndDefinesAValidEdit(FxRobot robot) {
        Theme.setDark(true);
        String vm = PREFIX + "cust-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.kernelBoot(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", "0.03", "kvm", "qemu");
        String generated = w.text("#wizard-definition");
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-customize")).setSelected(true));
        javafx.scene.control.TextArea area = onFx(() -> (javafx.scene.control.TextArea) w.current().lookup("#wizard-definition"));
        assertThat(onFx(area::isEditable)).isTrue();
        robot.interact(() -> area.setText(generated.replace("<on_crash>", "<bogus-element/>\n  <on_crash>")));
        waitUntil("libvirt's schema complaint on the summary", WAIT, () -> onFx(() -> ((javafx.scene.layout.VBox) w.current()
                .lookup("#wizard-summary-problems")).getChildren().stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .anyMatch(t -> t.contains("libvirt's schema refuses it: line ") && t.contains("bogus-element"))));
        assertThat(w.enabled(ButtonBar.ButtonData.FINISH)).as("a refused edit cannot be created").isFalse();
        w.shot("wizard-customize-refused-dark.png");
        robot.interact(() -> area.setText(generated.replace("</name>", "</name>\n  <description>edited by wizard2: it's \"mine\" &amp; $(x)</description>")));
        waitUntil("ready", WAIT, () -> w.enabled(ButtonBar.ButtonData.FINISH));
        w.shot("wizard-customize-edited.png");
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        assertThat(virsh("domstate", vm).strip()).isEqualTo("running");
        assertThat(virsh("dumpxml", vm)).as("virsh writes the quotes as entities")
                .contains("<description>edited by wizard2: it&apos;s &quot;mine&quot; &amp; $(x)</description>");
        String volume = virsh("domblklist", vm, "--details").lines().map(String::strip).filter(l -> l.startsWith("file"))
                .map(l -> l.split("\\s+")[3]).findFirst().orElseThrow();
        try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.destroy(vm);
            side.delete(vm, true);
        }
        assertThat(virsh("list", "--all", "--name")).doesNotContain(vm);
        assertThat(virsh("vol-list", "default")).as("the disk the edit kept as owned goes with the VM").doesNotContain(volume);
    }

    private static String volume(String name, String format) {
        virsh("vol-create-as", "default", name, "16M", "--format", format);
        return virsh("vol-path", "--pool", "default", name).strip();
    }

    private static Job job() {
        return WizardDriver.lastJob(current);
    }

    private static void cleanUp() {
        if (virsh("net-list", "--all", "--name").lines().map(String::strip).anyMatch(n -> n.equals(PREFIX + "pxe"))) {
            virsh("net-destroy", PREFIX + "pxe");
        }
        for (String name : virsh("list", "--all", "--name").lines().map(String::strip).filter(n -> n.startsWith(PREFIX)).toList()) {
            if (virsh("domstate", name).strip().startsWith("running")) {
                virsh("destroy", name);
            }
            virsh("undefine", name);
        }
        virsh("pool-refresh", "default");
        for (String line : virsh("vol-list", "default").lines().skip(2).map(String::strip).filter(l -> l.startsWith(PREFIX)).toList()) {
            virsh("vol-delete", "--pool", "default", line.split("\\s+")[0]);
        }
    }

    private static String virsh(String... args) {
        List<String> command = new ArrayList<>(Arrays.asList("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return Commands.ok(command, Duration.ofMinutes(3));
    }
}
