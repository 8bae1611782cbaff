package org.duovirt.app.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Networks tab's flows without a window, on libvirt's test driver (network "default", VM "test" on it). */
class NetworksViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private NetworksViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        vm = new NetworksViewModel(ui, session, dialogs);
        vm.refresh().join();
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.networkInfos().stream().filter(n -> n.name().startsWith("det-")).forEach(n -> host.deleteNetwork(n.name()));
        }
        session.close();
    }

    @Test
    void listsTheNetworksWithTheirVms() {
        NetworkInfo def = find("default");
        assertThat(def.active()).isTrue();
        assertThat(def.mode()).isEqualTo("nat");
        assertThat(def.vms()).contains("test");
    }

    @Test
    void everyProblemOfTheNewNetworkShowsAtOnceWhileTyping() {
        assertThat(vm.problemProperty().get()).isEqualTo("Give the new network a name.");
        vm.nameProperty().set("bad name");
        vm.addressProperty().set("300.1.1.1/40");
        assertThat(vm.problemProperty().get()).contains("cannot name a network").contains("is not an IPv4 address")
                .contains("The prefix must be 8–30");
        vm.nameProperty().set("default");
        vm.addressProperty().set("192.168.150.1");
        assertThat(vm.problemProperty().get()).contains("already a network named default").contains("with its prefix");
        vm.nameProperty().set("det-lab");
        vm.addressProperty().set("192.168.150.1/24");
        vm.dhcpStartProperty().set("192.168.151.5");
        assertThat(vm.problemProperty().get()).contains("is not inside 192.168.150.1/24");
        vm.dhcpStartProperty().set("192.168.150.100");
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void createsARoutedNetworkStopsItAskingAndDeletesIt() {
        vm.nameProperty().set("det-r");
        vm.modeProperty().set(NetworkSpec.Mode.ROUTED);
        vm.addressProperty().set("10.77.0.1/24");
        vm.dhcpStartProperty().set("");
        vm.dhcpEndProperty().set("");
        vm.create().join();
        assertThat(dialogs.errors).isEmpty();
        NetworkInfo made = find("det-r");
        assertThat(made.mode()).isEqualTo("route");
        assertThat(made.dhcpRange()).isNull();
        vm.selectedProperty().set(made);
        vm.stopSelected().join();
        assertThat(find("det-r").active()).isFalse();
        vm.selectedProperty().set(find("det-r"));
        dialogs.answerConfirm(false);
        vm.deleteSelected().join();
        assertThat(dialogs.asked).contains("confirm: Delete network det-r?");
        assertThat(vm.networks()).extracting(NetworkInfo::name).contains("det-r");
        dialogs.answerConfirm(true);
        vm.deleteSelected().join();
        assertThat(vm.networks()).extracting(NetworkInfo::name).doesNotContain("det-r");
    }

    @Test
    void stoppingANetworkWithVmsAsksFirstAndANoKeepsItRunning() {
        vm.selectedProperty().set(find("default"));
        dialogs.answerConfirm(false);
        vm.stopSelected().join();
        assertThat(dialogs.asked).contains("confirm: Stop network default?");
        assertThat(find("default").active()).isTrue();
    }

    private NetworkInfo find(String name) {
        return vm.networks().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
