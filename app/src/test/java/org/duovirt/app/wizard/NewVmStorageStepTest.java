package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage page without a window: a new disk's format, an existing volume or file, and their problems. */
class NewVmStorageStepTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CreatingHost host = (CreatingHost) new CreatingHost().vm("taken", VmState.SHUTOFF);
    private HostSession session;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        session = Sessions.connected(host);
    }

    private NewVmViewModel kernelVm(String name) {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set(name);
        vm.kernelProperty().set("/boot/vmlinuz");
        return vm;
    }

    @Test
    void aNewDiskIsQcow2UnlessRawIsChosen() {
        NewVmViewModel vm = kernelVm("wiz-raw");
        vm.newDiskProperty().set(true);
        vm.diskGiBProperty().set("2");
        assertThat(((VmSpec.Storage.NewDisk) vm.specOrNull().storage()).format()).isEqualTo("qcow2");
        vm.disk().formatProperty().set("raw");
        VmSpec.Storage.NewDisk disk = (VmSpec.Storage.NewDisk) vm.specOrNull().storage();
        assertThat(disk.format()).isEqualTo("raw");
        assertThat(disk.sizeGiB()).isEqualTo(2.0);
        vm.disk().formatProperty().set("vmdk\"<x>");
        assertThat(vm.problemProperty(SpecField.STORAGE).get()).isEqualTo("The disk format 'vmdk\"<x>' is not one Duovirt makes; use qcow2 or raw.");
        assertThat(vm.pageValid(WizardPage.STORAGE)).isFalse();
    }

    @Test
    void anExistingVolumeIsPickedFromThePoolsAndExcludesANewDisk() {
        NewVmViewModel vm = kernelVm("wiz-existing");
        vm.newDiskProperty().set(true);
        vm.disk().existingProperty().set(true);
        assertThat(vm.newDiskProperty().get()).as("existing and new exclude each other").isFalse();
        await("the pool's volumes", () -> vm.disk().volumes().size() == 2);
        assertThat(vm.disk().volumes().get(1).usedBy()).containsExactly("taken");
        assertThat(vm.problemProperty(SpecField.STORAGE).get()).isEqualTo("Choose the existing volume or give the path of the disk image.");
        assertThat(vm.pageValid(WizardPage.STORAGE)).isFalse();
        vm.disk().existingPathProperty().set(vm.disk().volumes().get(0).path());
        assertThat(vm.problemProperty(SpecField.STORAGE).get()).isNull();
        assertThat(vm.specOrNull().storage()).isEqualTo(new VmSpec.Storage.ImportDisk("/pool/free.raw"));
        vm.newDiskProperty().set(true);
        assertThat(vm.disk().existingProperty().get()).isFalse();
        assertThat(vm.specOrNull().storage()).isInstanceOf(VmSpec.Storage.NewDisk.class);
    }

    @Test
    void aHostileFilePathIsTakenAsItIsAndTheSpecCarriesItUnchanged() {
        NewVmViewModel vm = kernelVm("wiz-hostile");
        vm.disk().existingProperty().set(true);
        String path = "/tmp/it's \"$(id)\" <&> é 日本.img";
        vm.disk().existingPathProperty().set(path);
        assertThat(vm.specOrNull().storage()).isEqualTo(new VmSpec.Storage.ImportDisk(path));
    }

    @Test
    void theWizardCreatesWithTheExistingDiskAndCancelOnTheStoragePageMakesNothing() throws Exception {
        NewVmLauncher launcher = WizardWalk.launcher(ui, dialogs, session);
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            await("host facts", () -> !vm.limitsProperty().get().isEmpty());
            vm.nameProperty().set("wiz-cancel-storage");
            vm.kernelProperty().set("/boot/vmlinuz");
            vm.next();
            vm.next();
            assertThat(vm.pageProperty().get()).isEqualTo(WizardPage.STORAGE);
            vm.disk().existingProperty().set(true);
            vm.disk().existingPathProperty().set("/pool/free.raw");
            return false;
        });
        assertThat(launcher.launch(session).get(5, TimeUnit.SECONDS)).isNull();
        assertThat(host.calls).noneMatch(c -> c.startsWith("create"));
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            await("host facts", () -> !vm.limitsProperty().get().isEmpty());
            vm.nameProperty().set("wiz-existing-made");
            vm.kernelProperty().set("/boot/vmlinuz");
            vm.disk().existingProperty().set(true);
            vm.disk().existingPathProperty().set("/pool/free.raw");
            WizardWalk.toSummary(vm, p -> { });
            return true;
        });
        assertThat(launcher.launch(session).get(10, TimeUnit.SECONDS)).isEqualTo("wiz-existing-made");
        assertThat(host.created.storage()).isEqualTo(new VmSpec.Storage.ImportDisk("/pool/free.raw"));
        assertThat(host.made).as("the fake makes no disk for an existing one").doesNotContain("disk wiz-existing-made");
    }
}
