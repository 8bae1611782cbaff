package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.Jobs;
import org.duovirt.app.job.OperationTimeouts;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The New VM wizard without a window: every page through the dialog service, cancel on each page, problems
 * next to their fields, and the create job's cancel and failure paths leaving nothing behind.
 */
class NewVmWizardFlowTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CreatingHost host = (CreatingHost) new CreatingHost().vm("taken", VmState.SHUTOFF);
    private final List<VmRow> consoles = new CopyOnWriteArrayList<>();
    private HostSession session;
    private NewVmLauncher launcher;
    private Jobs jobs;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        session = Sessions.connected(host);
        jobs = new Jobs(ui, Jobs.TIMER, dialogs::error);
        launcher = new NewVmLauncher(ui, dialogs, new CreateVmFlow(ui, jobs, OperationTimeouts.standard()),
                FXCollections.observableArrayList(session), consoles::add);
    }

    /** Plays the user: fills the source page, then walks every page, asserting each is valid. */
    private boolean fillAndFinish(NewVmViewModel vm) {
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("wiz-vm");
        vm.kernelProperty().set("/boot/vmlinuz");
        vm.initrdProperty().set("/boot/initrd.img");
        for (WizardPage p : WizardPage.values()) {
            await("page " + p + " valid", () -> vm.pageValid(p));
            assertThat(vm.pageProperty().get()).isEqualTo(p);
            if (p == WizardPage.SUMMARY) {
                await("preview", () -> !vm.previewProperty().get().isEmpty());
                return true;
            }
            assertThat(vm.next()).isTrue();
        }
        return true;
    }

    @Test
    void walkingEveryPageCreatesStartsAndOpensTheConsole() throws Exception {
        dialogs.answerWizard(m -> fillAndFinish((NewVmViewModel) m));
        String name = launcher.launch(session).get(10, TimeUnit.SECONDS);
        assertThat(name).isEqualTo("wiz-vm");
        assertThat(dialogs.asked).containsExactly("wizard: New virtual machine");
        assertThat(host.calls).containsSubsequence("check wiz-vm", "create wiz-vm", "start wiz-vm");
        Job job = launcher.lastJob();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.steps()).containsExactly("Checking the settings", "Creating the disk and the definition", "Starting the VM");
        await("console opened", () -> consoles.size() == 1);
        assertThat(consoles.get(0).name()).isEqualTo("wiz-vm");
    }

    @ParameterizedTest
    @EnumSource(WizardPage.class)
    void cancellingOnAnyPageMakesNothing(WizardPage cancelOn) throws Exception {
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            await("host facts", () -> !vm.limitsProperty().get().isEmpty());
            vm.nameProperty().set("wiz-cancelled");
            vm.kernelProperty().set("/boot/vmlinuz");
            while (vm.pageProperty().get() != cancelOn) {
                WizardPage before = vm.pageProperty().get();
                await("page valid", () -> vm.pageValid(before));
                assertThat(vm.next()).isTrue();
            }
            return false;
        });
        assertThat(launcher.launch(session).get(5, TimeUnit.SECONDS)).isNull();
        assertThat(host.calls).noneMatch(c -> c.startsWith("create") || c.startsWith("start"));
        assertThat(host.made).isEmpty();
        assertThat(launcher.lastJob()).isNull();
    }

    @Test
    void problemsAppearNextToTheirFieldsAndBlockTheirPage() {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("bad\nname");
        vm.kernelProperty().set("/boot/vmlinuz");
        assertThat(vm.problemProperty(SpecField.NAME).get()).isEqualTo("The name must not contain control characters such as a newline or a tab.");
        assertThat(vm.next()).isFalse();
        vm.nameProperty().set("taken");
        await("host's dry run", () -> vm.problemProperty(SpecField.NAME).get() != null);
        assertThat(vm.problemProperty(SpecField.NAME).get()).isEqualTo("A VM named 'taken' already exists on fake:///.");
        vm.nameProperty().set("wiz-free");
        await("clear", () -> vm.problems().isEmpty());
        vm.memoryProperty().set("12$(x)");
        assertThat(vm.problemProperty(SpecField.MEMORY).get()).isEqualTo("Memory must be a whole number of MiB, e.g. 512.");
        vm.memoryProperty().set("999999");
        assertThat(vm.problemProperty(SpecField.MEMORY).get()).isEqualTo("Memory of 999999 MiB is more than this host's 2048 MiB.");
        vm.memoryProperty().set("128");
        vm.vcpusProperty().set("3");
        assertThat(vm.problemProperty(SpecField.VCPUS).get()).isEqualTo("3 vCPUs are more than this host's 2 CPUs.");
        assertThat(vm.pageValid(WizardPage.SOURCE)).isTrue();
        assertThat(vm.pageValid(WizardPage.RESOURCES)).isFalse();
        vm.vcpusProperty().set("1");
        vm.newDiskProperty().set(true);
        vm.diskGiBProperty().set("ten");
        assertThat(vm.problemProperty(SpecField.STORAGE).get()).isEqualTo("The disk size must be a number of GiB, e.g. 10 or 0.5.");
    }

    @Test
    void theCloudImageSourceBuildsItsSpecAndShowsHostileInputUnderItsField(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC me \"$(id)\"";
        java.nio.file.Path keyFile = java.nio.file.Files.writeString(dir.resolve("k.pub"), key + "\n");
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            await("host facts", () -> !vm.limitsProperty().get().isEmpty());
            vm.nameProperty().set("wiz-cloud");
            vm.sourceProperty().set(InstallSource.CLOUD_IMAGE);
            assertThat(vm.problemProperty(SpecField.BOOT).get()).isEqualTo("Choose the cloud image.");
            vm.cloud().imageProperty().set("/var/lib/libvirt/images/base.qcow2");
            assertThat(vm.problemProperty(SpecField.CLOUD_INIT).get())
                    .isEqualTo("Give an SSH public key, a password hash or a user-data file; otherwise nobody can log in to the VM.");
            assertThat(vm.pageValid(WizardPage.SOURCE)).isFalse();
            vm.cloud().keyFileProperty().set(dir.resolve("missing.pub").toString());
            assertThat(vm.problemProperty(SpecField.CLOUD_INIT).get()).contains("is not a readable file on this machine.");
            vm.cloud().keyFileProperty().set(keyFile.toString());
            vm.cloud().userProperty().set("eve\n$(id)");
            assertThat(vm.problemProperty(SpecField.CLOUD_INIT).get()).startsWith("The user name 'eve\n$(id)' cannot be created");
            vm.cloud().userProperty().set("alice");
            vm.cloud().passwordHashProperty().set("plain-secret");
            assertThat(vm.problemProperty(SpecField.CLOUD_INIT).get()).contains("crypt(3) hash").doesNotContain("plain-secret");
            vm.cloud().passwordHashProperty().set("");
            assertThat(vm.problemProperty(SpecField.CLOUD_INIT).get()).isNull();
            while (vm.pageProperty().get() != WizardPage.SUMMARY) {
                WizardPage before = vm.pageProperty().get();
                await("page " + before + " valid", () -> vm.pageValid(before));
                assertThat(vm.next()).isTrue();
            }
            await("summary valid", () -> vm.pageValid(WizardPage.SUMMARY));
            return true;
        });
        assertThat(launcher.launch(session).get(10, TimeUnit.SECONDS)).isEqualTo("wiz-cloud");
        var cloud = (org.duovirt.core.model.VmSpec.Storage.CloudImage) host.created.storage();
        assertThat(cloud.image()).isEqualTo("/var/lib/libvirt/images/base.qcow2");
        assertThat(cloud.pool()).as("none chosen: the host's default pool").isNull();
        assertThat(cloud.sizeGiB()).as("no size: the image's own").isNull();
        assertThat(cloud.cloudInit().user()).isEqualTo("alice");
        assertThat(cloud.cloudInit().sshKeys()).containsExactly(key);
        assertThat(host.created.boot()).isInstanceOf(org.duovirt.core.model.VmSpec.Boot.None.class);
    }

    @Test
    void theNetworkPageTakesANicModelAndAMacAndRefusesAMulticastOne() {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("wiz-nic");
        vm.kernelProperty().set("/boot/vmlinuz");
        assertThat(vm.nicModelProperty().get()).isEqualTo("virtio");
        assertThat(vm.nicModelOfferedProperty().get()).isTrue();
        vm.networkProperty().set("default");
        vm.nicModelProperty().set("e1000");
        vm.macProperty().set("03:00:00:00:00:01");
        assertThat(vm.problemProperty(SpecField.NIC).get()).contains("is a multicast address");
        assertThat(vm.pageValid(WizardPage.NETWORK)).isFalse();
        vm.macProperty().set("52:54:00:AA:BB:CC");
        assertThat(vm.problemProperty(SpecField.NIC).get()).isNull();
        assertThat(vm.pageValid(WizardPage.NETWORK)).isTrue();
        assertThat(vm.specOrNull().nic()).isEqualTo(new org.duovirt.core.model.VmSpec.Nic("e1000", "52:54:00:aa:bb:cc"));
        vm.networkProperty().set("");
        assertThat(vm.problemProperty(SpecField.NIC).get()).as("a MAC without a network")
                .isEqualTo("A NIC model or MAC address needs a network to put the NIC on.");
        vm.macProperty().set("");
        assertThat(vm.problems()).as("no network: the model alone is no problem").isEmpty();
    }

    @Test
    void thePinningStepDrawsAPresetForTheVcpusAndItsPinsGoIntoTheSpec() {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("wiz-pin");
        vm.kernelProperty().set("/boot/vmlinuz");
        vm.vcpusProperty().set("2");
        assertThat(vm.specOrNull().vcpuPins()).as("off: no pins").isEmpty();
        vm.pinning().enabledProperty().set(true);
        assertThat(vm.pinning().planProperty().get().hard()).containsExactly(CpuSet.of(0), CpuSet.of(1));
        assertThat(vm.specOrNull().vcpuPins()).containsExactly(CpuSet.of(0), CpuSet.of(1));
        vm.vcpusProperty().set("1");
        assertThat(vm.pinning().planProperty().get().vcpuCount()).as("the rows follow the vCPU count").isEqualTo(1);
        vm.vcpusProperty().set("2");
        vm.pinning().planProperty().set(vm.pinning().planProperty().get().withHard(1, CpuSet.of(0)));
        assertThat(vm.specOrNull().vcpuPins()).containsExactly(CpuSet.of(0), CpuSet.of(0));
        assertThat(vm.pinning().warningsProperty().get()).isNotBlank();
        vm.pinning().planProperty().set(vm.pinning().planProperty().get().withHard(1, CpuSet.of(7)));
        assertThat(vm.problemProperty(SpecField.PINNING).get()).contains("7");
        assertThat(vm.pageValid(WizardPage.RESOURCES)).isFalse();
        vm.pinning().enabledProperty().set(false);
        assertThat(vm.problemProperty(SpecField.PINNING).get()).isNull();
        assertThat(vm.specOrNull().vcpuPins()).isEmpty();
    }

    @Test
    void theKvmHostGreysKvmWithTheReasonAndPicksQemu() {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        assertThat(vm.modes()).extracting(ModeChoice::mode).containsExactly(VirtMode.KVM, VirtMode.QEMU);
        ModeChoice kvm = vm.modes().get(0);
        assertThat(kvm.available()).isFalse();
        assertThat(kvm.reason()).contains("VT-x or AMD-V");
        assertThat(vm.modeProperty().get()).isEqualTo(VirtMode.QEMU);
        assertThat(vm.limitsProperty().get()).isEqualTo("This host has 2048 MiB of memory and 2 CPUs.");
    }

    @Test
    void aXenHostOffersPvPvhAndHvmEachWithItsTradeOff() {
        host.xen = true;
        HostSession xen = Sessions.connected(host);
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(xen), xen);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        assertThat(vm.modes()).extracting(ModeChoice::mode).containsExactly(VirtMode.PV, VirtMode.PVH, VirtMode.HVM);
        assertThat(vm.modes()).allSatisfy(c -> assertThat(c.tradeoff()).endsWith("."));
        assertThat(vm.modes().get(2).reason()).contains("HVM is impossible");
        assertThat(vm.modeProperty().get()).isEqualTo(VirtMode.PV);
        assertThat(vm.cmdlineProperty().get()).isEqualTo("console=hvc0");
    }

    @Test
    void aXenHostOnQemusEmulatedCpuSaysHvmCannotRunThere() {
        host.xen = true;
        host.cpu = "QEMU TCG CPU version 2.5+";
        NewVmViewModel vm = wizardOn(host);
        assertThat(vm.modes().get(2).available()).isFalse();
        assertThat(vm.modes().get(2).reason())
                .isEqualTo("This Xen host runs on QEMU's emulated CPU (TCG), where HVM guests cannot run; use PV.");
        assertThat(vm.modeProperty().get()).isEqualTo(VirtMode.PV);
    }

    @Test
    void aXenHostWithTheDeviceModelOffersAFramebufferWhichPvhGreysWithTheReason() {
        host.xen = true;
        host.features.add(org.duovirt.core.spi.Feature.GRAPHICS_CONSOLE);
        NewVmViewModel vm = wizardOn(host);
        vm.nameProperty().set("fb");
        vm.kernelProperty().set("/boot/vmlinuz");
        FramebufferChoice fb = vm.framebuffer();
        assertThat(fb.shownProperty().get()).isTrue();
        assertThat(fb.availableProperty().get()).isTrue();
        assertThat(vm.modeProperty().get()).isEqualTo(VirtMode.PV);
        assertThat(vm.specOrNull().framebuffer()).as("PV: unticked, as xl").isFalse();
        fb.wantedProperty().set(true);
        assertThat(vm.specOrNull().framebuffer()).as("ticked").isTrue();
        vm.modeProperty().set(VirtMode.PVH);
        assertThat(fb.availableProperty().get()).isFalse();
        assertThat(fb.greyedProperty().get()).isEqualTo("A PVH VM has no device model, so it gets no graphical console; choose PV to have one.");
        assertThat(vm.specOrNull().framebuffer()).isFalse();
    }

    @Test
    void aXenHostWithoutTheDeviceModelGreysTheFramebufferAndKvmShowsNone() {
        host.xen = true;
        host.features.remove(org.duovirt.core.spi.Feature.GRAPHICS_CONSOLE);
        NewVmViewModel vm = wizardOn(host);
        assertThat(vm.framebuffer().availableProperty().get()).isFalse();
        assertThat(vm.framebuffer().greyedProperty().get()).startsWith("This Xen host has no qemu-system-xen in dom0");
        host.xen = false;
        NewVmViewModel onKvm = wizardOn(host);
        onKvm.nameProperty().set("fb");
        onKvm.kernelProperty().set("/boot/vmlinuz");
        assertThat(onKvm.framebuffer().shownProperty().get()).isFalse();
        assertThat(onKvm.specOrNull().framebuffer()).as("KVM: the backend's own console").isNull();
    }

    /** The wizard on a fresh session of {@code fake}, once it has read the host's facts. */
    private NewVmViewModel wizardOn(CreatingHost fake) {
        HostSession session = Sessions.connected(fake);
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        return vm;
    }

    /** Runs the wizard and job on a user thread (inside ui(), as the FX thread would), cancelling while held. */
    private Job cancelWhileHeld(CountDownLatch reached, CountDownLatch hold) throws Exception {
        dialogs.answerWizard(m -> fillAndFinish((NewVmViewModel) m));
        Thread user = new Thread(() -> ui.ui(() -> launcher.launch(session)));
        user.start();
        assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
        await("job listed", () -> !jobs.jobs().isEmpty());
        Job job = jobs.jobs().get(0);
        job.cancel();
        hold.countDown();
        user.join(10_000);
        await("cancelled", () -> job.state() == JobState.CANCELLED);
        return job;
    }

    @Test
    void cancelDuringTheDiskStepLeavesNothing() throws Exception {
        host.holdAfterDisk = new CountDownLatch(1);
        cancelWhileHeld(host.diskMade, host.holdAfterDisk);
        assertThat(host.made).isEmpty();
        assertThat(host.vms).doesNotContainKey("wiz-vm");
        assertThat(host.calls).doesNotContain("start wiz-vm");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void cancelAfterTheDefinitionStepDeletesTheVmAgain() throws Exception {
        host.holdAfterCreate = new CountDownLatch(1);
        cancelWhileHeld(host.defined, host.holdAfterCreate);
        assertThat(host.calls).containsSubsequence("create wiz-vm", "delete wiz-vm with storage").doesNotContain("start wiz-vm");
        assertThat(host.made).isEmpty();
        assertThat(host.vms).doesNotContainKey("wiz-vm");
        assertThat(dialogs.errors).isEmpty();
        assertThat(consoles).isEmpty();
    }

    @Test
    void aFailureAtTheStartStepDeletesTheVmWithItsStorageAndReportsOnce() throws Exception {
        host.failStartWith = "Starting wiz-vm failed: the kernel could not be read.";
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            fillAndFinish(vm);
            vm.newDiskProperty().set(true);
            await("valid", () -> vm.pageValid(WizardPage.SUMMARY));
            return true;
        });
        CompletableFuture<String> result = launcher.launch(session);
        await("done", result::isDone);
        assertThat(result).isCompletedExceptionally();
        assertThat(host.calls).containsSubsequence("create wiz-vm", "start wiz-vm", "delete wiz-vm with storage");
        assertThat(host.made).isEmpty();
        assertThat(dialogs.errors).extracting(Throwable::getMessage).containsExactly(host.failStartWith);
        assertThat(launcher.lastJob().state()).isEqualTo(JobState.FAILED);
        assertThat(consoles).isEmpty();
    }
}
