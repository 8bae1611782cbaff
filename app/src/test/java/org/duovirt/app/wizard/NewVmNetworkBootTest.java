package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.Locale;
import javafx.collections.FXCollections;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.VmSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network boot (PXE) source without a window: it needs a network with DHCP, and says so where it is chosen. */
class NewVmNetworkBootTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final CreatingHost host = new CreatingHost();

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private NewVmViewModel vm() {
        HostSession session = Sessions.connected(host);
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("wiz-pxe");
        return vm;
    }

    @Test
    void networkBootFromADhcpNetworkIsTheSpecsBoot() {
        NewVmViewModel vm = vm();
        assertThat(vm.networkBootUnavailableProperty().get()).isEmpty();
        vm.sourceProperty().set(InstallSource.NETWORK);
        assertThat(vm.networkProperty().get()).isEqualTo("default");
        VmSpec spec = vm.specOrNull();
        assertThat(spec.boot()).isEqualTo(new VmSpec.Boot.Network());
        assertThat(spec.network()).isEqualTo("default");
        assertThat(vm.pageValid(WizardPage.SOURCE)).isTrue();
    }

    @Test
    void aNetworkWithoutDhcpOrNoneIsTheNetworkPagesProblem() {
        NewVmViewModel vm = vm();
        vm.sourceProperty().set(InstallSource.NETWORK);
        vm.networkProperty().set("nodhcp");
        assertThat(vm.problemProperty(SpecField.NETWORK).get())
                .isEqualTo("The network 'nodhcp' hands out no addresses (DHCP), so a network boot cannot start; choose one that does: default.");
        assertThat(vm.pageValid(WizardPage.NETWORK)).isFalse();
        vm.networkProperty().set("");
        assertThat(vm.problemProperty(SpecField.NETWORK).get()).isEqualTo("Network boot (PXE) needs a network with DHCP for the VM's NIC.");
        vm.networkProperty().set("default");
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aHostWithoutAnyDhcpNetworkGreysTheSourceWithTheReason() {
        host.noDhcp = true;
        NewVmViewModel vm = vm();
        assertThat(vm.networkBootUnavailableProperty().get()).startsWith("No network on this host hands out addresses (DHCP)");
        vm.sourceProperty().set(InstallSource.NETWORK);
        assertThat(vm.problemProperty(SpecField.BOOT).get()).startsWith("No network on this host hands out addresses (DHCP)");
        assertThat(vm.pageValid(WizardPage.SOURCE)).isFalse();
    }
}
