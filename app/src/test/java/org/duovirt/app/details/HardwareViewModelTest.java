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

/**
 * The hardware list and its pages without a window, on the mixed fixture's VM "build-runner". A fixture file
 * gives each connection a private host; test:///default is shared by every connection of the JVM, so changes
 * made there would leak into other tests.
 */
class HardwareViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private HardwareViewModel vm;

    @BeforeEach
    void open() {
        // Standard timeouts: the test driver's state lives in its connection, so a timed-out call that made the
        // session reconnect (the fast timeouts of Sessions.testDriver, on a loaded machine) would lose the change.
        session = Sessions.session(org.duovirt.app.ui.UiTestSupport.mixedFixtureUri(), uri -> org.duovirt.core.spi.Backends.installed().connect(uri),
                org.duovirt.app.host.Timeouts.standard());
        session.connect();
        Sessions.await("listed", () -> session.state() == org.duovirt.app.host.HostState.CONNECTED && !session.vms().isEmpty());
        vm = new HardwareViewModel(ui, Sessions.row(session, "build-runner"), dialogs);
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
        assertThat(titles()).containsExactly("Overview", "Boot options", "CPUs", "Memory", "Disk vda", "CD-ROM sda",
                "NIC 00:00:04", "Controller (sata)");
        assertThat(vm.selectedProperty().get().page()).isEqualTo(HardwareEntry.Page.OVERVIEW);
        assertThat(vm.select("disk:vda")).isTrue();
        var disk = vm.selectedProperty().get().item();
        assertThat(disk.value("source")).isEqualTo("/var/lib/libvirt/images/build-runner.qcow2");
        assertThat(disk.value("bus")).isEqualTo("virtio");
        assertThat(HardwareEntry.settingLabel("bus")).isEqualTo("Bus");
        assertThat(HardwareEntry.settingLabel("no-such-key")).isEqualTo("no-such-key");
        assertThat(vm.hardwareProperty().get().maxMemoryMiB()).isEqualTo(4096);
        assertThat(vm.boot().chosenOrder()).containsExactly(BootDevice.HD);
    }

    @Test
    void selectingADevicePointsItsActionsAtItAndOnlyDisksAndNicsCanBeRemoved() {
        vm.select("nic:52:54:00:00:00:04");
        assertThat(vm.devices().selectedNicProperty().get().mac()).isEqualTo("52:54:00:00:00:04");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isTrue();
        assertThat(vm.canRemove(vm.selectedProperty().get())).isTrue();
        vm.select("disk:sda");
        assertThat(vm.devices().selectedDiskProperty().get().device()).isEqualTo("cdrom");
        String controller = vm.entries().stream().filter(e -> e.id().startsWith("controller:")).findFirst().orElseThrow().id();
        vm.select(controller);
        assertThat(vm.selectedProperty().get().item().value("type")).isEqualTo("sata");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isFalse();
        vm.select("cpus");
        assertThat(HardwareViewModel.removable(vm.selectedProperty().get())).isFalse();
    }

    @Test
    void removeAsksSayingTheStorageStaysAndANoChangesNothing() {
        vm.select("disk:vda");
        dialogs.answerConfirm(false);
        vm.removeSelected().join();
        assertThat(dialogs.asked).containsExactly("confirm: Detach vda from build-runner?");
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
        assertThat(res.vcpusProperty().get()).isEqualTo(8);
        res.vcpusProperty().set(100_000);
        assertThat(res.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("At most ").endsWith("100000 was asked for."));
        assertThat(res.applyVcpus().isDone()).isTrue();
        res.load();
        Sessions.await("vCPUs reverted", () -> res.vcpusProperty().get() == 8);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aGraphicsPasswordIsShownOnlyMaskedWhateverTheBackendHandsOn() {
        assertThat(HardwareEntry.settingValue("password", "set")).startsWith("••••");
        assertThat(HardwareEntry.settingValue("password", "hunter2")).doesNotContain("hunter2");
        assertThat(HardwareEntry.settingValue("autoport", "yes")).isEqualTo("yes");
        assertThat(HardwareEntry.settingValue("listen", "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void aHostThatDoesNotSayWhichTpmItOffersGreysTheTpmWithThatSentenceAndATpmIsRemovedLikeTheOtherDevices() {
        // libvirt's test driver has no domain capabilities, so the TPM cannot be offered; the list still loads.
        var tpm = vm.tpmChoicesProperty().get();
        assertThat(tpm.available()).isFalse();
        assertThat(tpm.types()).isEmpty();
        assertThat(tpm.unavailable()).isEqualTo("This host does not say which TPMs its VMs can have.");
        assertThat(vm.entries()).isNotEmpty();
        assertThat(HardwareViewModel.removeFeature(org.duovirt.core.model.HardwareItem.Kind.TPM))
                .isEqualTo(org.duovirt.core.spi.Feature.DEVICE_ADD);
    }
}
