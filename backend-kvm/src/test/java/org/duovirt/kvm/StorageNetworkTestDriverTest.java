package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pools, volumes and networks on libvirt's test driver: fast checks of the calls the real-host IT repeats. */
class StorageNetworkTestDriverTest {
    private HostConnection host;

    @BeforeEach
    void connect() {
        host = Backends.installed().connect("test:///default");
    }

    @AfterEach
    void close() {
        host.networkInfos().stream().filter(n -> n.name().startsWith("det-")).forEach(n -> host.deleteNetwork(n.name()));
        host.volumes("default-pool").stream().filter(v -> v.name().startsWith("det-"))
                .forEach(v -> host.deleteVolume("default-pool", v.name(), true));
        host.close();
    }

    @Test
    void poolsReportCapacityAllocationAndFreeSpace() {
        PoolInfo pool = host.pools().stream().filter(p -> p.name().equals("default-pool")).findFirst().orElseThrow();
        assertThat(pool.active()).isTrue();
        assertThat(pool.capacityBytes()).isPositive();
        assertThat(pool.allocationBytes() + pool.availableBytes()).isEqualTo(pool.capacityBytes());
    }

    @Test
    void createsListsAndDeletesAVolume() {
        VolumeInfo made = host.createVolume("default-pool", "det-a.qcow2", 8L << 20, "qcow2");
        assertThat(made.capacityBytes()).isEqualTo(8L << 20);
        assertThat(host.volumes("default-pool")).extracting(VolumeInfo::name).contains("det-a.qcow2");
        assertThatThrownBy(() -> host.createVolume("default-pool", "det-a.qcow2", 1 << 20, null))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("already has a volume named 'det-a.qcow2'");
        host.deleteVolume("default-pool", "det-a.qcow2", false);
        assertThat(host.volumes("default-pool")).extracting(VolumeInfo::name).doesNotContain("det-a.qcow2");
    }

    @Test
    void refusesVolumesBeyondThePoolAndPoolsThatDoNotExist() {
        long free = host.pools().stream().filter(p -> p.name().equals("default-pool")).findFirst().orElseThrow().availableBytes();
        assertThatThrownBy(() -> host.createVolume("default-pool", "det-big", free + (1L << 30), "qcow2"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> host.volumes("no-such-pool")).hasMessage("There is no storage pool 'no-such-pool' on test:///default.");
    }

    @Test
    void createsStopsStartsAndDeletesANetwork() {
        NetworkInfo made = host.createNetwork(new NetworkSpec("det-lab", NetworkSpec.Mode.NAT, "192.168.211.1", 24,
                "192.168.211.10", "192.168.211.20"));
        assertThat(made.active()).isTrue();
        assertThat(made.dhcpRange()).isEqualTo("192.168.211.10 - 192.168.211.20");
        host.stopNetwork("det-lab");
        assertThat(find("det-lab").active()).isFalse();
        host.startNetwork("det-lab");
        host.setNetworkAutostart("det-lab", true);
        assertThat(find("det-lab").autostart()).isTrue();
        host.deleteNetwork("det-lab");
        assertThat(host.networkInfos()).extracting(NetworkInfo::name).doesNotContain("det-lab");
        assertThatThrownBy(() -> host.startNetwork("det-lab")).hasMessage("There is no network 'det-lab' on test:///default.");
    }

    private NetworkInfo find(String name) {
        return host.networkInfos().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }
}
