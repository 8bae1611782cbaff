package org.duovirt.app.devices;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Devices tab's checks without a window, on the test driver's VM "test" (one disk, one NIC, no hot-plug). */
class DevicesViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private DevicesViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        vm = new DevicesViewModel(ui, Sessions.row(session, "test"), dialogs);
        vm.load().join();
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void listsTheDisksAndNics() {
        assertThat(vm.disks()).singleElement().satisfies(d -> assertThat(d.target()).isEqualTo("vda"));
        assertThat(vm.nics()).singleElement().satisfies(n -> assertThat(n.mac()).isEqualTo("aa:bb:cc:dd:ee:ff"));
    }

    @Test
    void everyFieldSaysWhatIsWrongBeforeAnythingIsSent() {
        assertThat(vm.isoProblemProperty().get()).isEqualTo("Select a CD-ROM drive to change its media.");
        vm.selectedDiskProperty().set(vm.disks().get(0));
        assertThat(vm.isoProblemProperty().get()).isEqualTo("Select a CD-ROM drive to change its media.");
        vm.newDiskPathProperty().set("disk.qcow2");
        assertThat(vm.newDiskProblemProperty().get()).contains("not absolute");
        vm.newDiskPathProperty().set("/srv/a,b.img");
        assertThat(vm.newDiskProblemProperty().get()).contains("comma");
        vm.newDiskPathProperty().set("/srv/my \"data\".img");
        assertThat(vm.newDiskProblemProperty().get()).isNull();
        assertThat(vm.newNicProblemProperty().get()).contains("network the new NIC joins");
        vm.newNicNetworkProperty().set("default");
        vm.newNicMacProperty().set("52:54:00:zz:00:01");
        assertThat(vm.newNicProblemProperty().get()).contains("is not a MAC address");
        vm.newNicMacProperty().set("");
        assertThat(vm.newNicProblemProperty().get()).isNull();
    }

    @Test
    void detachAsksSayingTheStorageIsKeptAndANoSendsNothing() {
        vm.selectedDiskProperty().set(vm.disks().get(0));
        dialogs.answerConfirm(false);
        vm.detachDisk().join();
        assertThat(dialogs.asked).containsExactly("confirm: Detach vda from test?");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void whatTheHostCannotDoComesBackAsOneSentence() {
        vm.newNicNetworkProperty().set("default");
        vm.addNic().join();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("Attaching a NIC to VM 'test' failed: this function is not supported by the connection driver: "
                        + "virDomainAttachDeviceFlags."));
    }

    @Test
    void theStatusTextNamesTheNewDeviceInTheUisLanguage() {
        try {
            org.duovirt.app.Messages.use(java.util.Locale.ENGLISH);
            assertThat(DevicesViewModel.describe(org.duovirt.core.model.NewDevice.of(org.duovirt.core.model.NewDevice.Kind.TPM)))
                    .isEqualTo("a TPM (tpm-crb)");
            org.duovirt.app.Messages.use(java.util.Locale.forLanguageTag("es"));
            assertThat(DevicesViewModel.describe(new org.duovirt.core.model.NewDevice(org.duovirt.core.model.NewDevice.Kind.RNG, "/dev/random")))
                    .isEqualTo("un generador de números aleatorios (/dev/random)");
            assertThat(DevicesViewModel.describe(org.duovirt.core.model.NewDevice.of(org.duovirt.core.model.NewDevice.Kind.SERIAL)))
                    .isEqualTo("un puerto serie (pty)");
        } finally {
            org.duovirt.app.Messages.use(java.util.Locale.ENGLISH);
        }
    }
}
