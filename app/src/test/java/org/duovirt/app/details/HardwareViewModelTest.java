package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.BootDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hardware list and its pages without a window, on the test driver's VM "test" (its own state per connection). */
class HardwareViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private HardwareViewModel vm;

    @BeforeEach
    void open() {
        // Standard timeouts: the test driver's state lives in its connection, so a timed-out call that made the
        // session reconnect (the fast timeouts of Sessions.testDriver, on a loaded machine) would lose the change.
        session = Sessions.session("test:///default", uri -> org.duovirt.core.spi.Backends.installed().connect(uri),
                org.duovirt.app.host.Timeouts.standard());
        session.connect();
        Sessions.await("listed", () -> session.state() == org.duovirt.app.host.HostState.CONNECTED && !session.vms().isEmpty());
        vm = new HardwareViewModel(ui, Sessions.row(session, "test"), dialogs);
        vm.load().join();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private List<String> titles() {
        return vm.entries().stream().map(HardwareEntry::title).toList();
    }

    @Test
    void theListHasTheFixedPagesThenEveryDeviceOfTheDefinition() {
        assertThat(titles()).containsExactly("Overview", "Boot options", "CPUs", "Memory", "Disk vda", "NIC dd:ee:ff",
                "Device: memballoon");
        assertThat(vm.selectedProperty().get().page()).isEqualTo(HardwareEntry.Page.OVERVIEW);
        assertThat(vm.select("disk:vda")).isTrue();
        var disk = vm.selectedProperty().get().item();
        assertThat(disk.value("source")).isEqualTo("/guest/diskimage1");
        assertThat(disk.value("bus")).isEqualTo("virtio");
        assertThat(HardwareEntry.settingLabel("bus")).isEqualTo("Bus");
        assertThat(HardwareEntry.settingLabel("no-such-key")).isEqualTo("no-such-key");
        assertThat(vm.hardwareProperty().get().maxMemoryMiB()).isEqualTo(8192);
        assertThat(vm.boot().chosenOrder()).containsExactly(BootDevice.HD);
    }

    @Test
    void selectingADevicePointsItsActionsAtItAndOnlyDisksAndNicsCanBeRemoved() {
        vm.select("nic:aa:bb:cc:dd:ee:ff");
        assertThat(vm.devices().selectedNicProperty().get().mac()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isTrue();
        vm.select("other:memballoon2");
        assertThat(vm.selectedProperty().get().item().value("element")).isEqualTo("memballoon");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isFalse();
        vm.select("cpus");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isFalse();
    }

    @Test
    void removeAsksSayingTheStorageStaysAndANoChangesNothing() {
        vm.select("disk:vda");
        dialogs.answerConfirm(false);
        vm.removeSelected().join();
        assertThat(dialogs.asked).containsExactly("confirm: Detach vda from test?");
        assertThat(titles()).contains("Disk vda");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theBootOrderIsCheckedMovedAppliedAndReadBackKeepingTheSelection() {
        BootOptionsViewModel boot = vm.boot();
        assertThat(boot.order()).extracting(BootOptionsViewModel.Choice::device)
                .containsExactly(BootDevice.HD, BootDevice.CDROM, BootDevice.NETWORK, BootDevice.FLOPPY);
        boot.order().get(0).enabled().set(false);
        assertThat(boot.problemProperty().get()).isEqualTo("Tick at least one boot device.");
        assertThat(boot.apply().join()).isFalse();
        boot.order().get(2).enabled().set(true);
        boot.order().get(0).enabled().set(true);
        boot.move(2, -1);
        boot.move(1, -1);
        boot.move(0, -1);
        assertThat(boot.chosenOrder()).containsExactly(BootDevice.NETWORK, BootDevice.HD);
        assertThat(boot.problemProperty().get()).isNull();
        vm.select("boot");
        vm.applyBoot().join();
        Sessions.await("boot order read back", () -> vm.hardwareProperty().get().bootOrder().equals(List.of(BootDevice.NETWORK, BootDevice.HD)));
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("boot");
        assertThat(boot.changed()).isFalse();

        boot.autostartProperty().set(true);
        boot.order().get(0).enabled().set(false);
        assertThat(boot.changed()).isTrue();
        boot.revert();
        assertThat(boot.autostartProperty().get()).isFalse();
        assertThat(boot.chosenOrder()).containsExactly(BootDevice.NETWORK, BootDevice.HD);
    }

    @Test
    void theMemoryPageAppliesMemoryAloneAndTheCpuPageVcpusAlone() {
        DetailsViewModel res = vm.resources();
        Sessions.await("limits known", () -> res.maxVcpusProperty().get() != Integer.MAX_VALUE);
        res.memoryMiBProperty().set(1024);
        res.applyMemory().join();
        Sessions.await("memory read back", () -> res.memoryMiBProperty().get() == 1024 && !res.busyProperty().get());
        assertThat(res.vcpusProperty().get()).isEqualTo(2);
        res.vcpusProperty().set(64);
        assertThat(res.problems()).containsExactly("At most 32 vCPUs are possible for this VM on this host; 64 was asked for.");
        assertThat(res.applyVcpus().isDone()).isTrue();
        res.load();
        Sessions.await("vCPUs reverted", () -> res.vcpusProperty().get() == 2);
        assertThat(dialogs.errors).isEmpty();
    }
}
