package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.Test;

/** Host facts from a real libvirtd agree with what virsh reports. */
class HostInfoIT {

    @Test
    void hostInfoAgreesWithVirshNodeinfo() {
        try (HostConnection host = Backends.installed().connect(LiveHost.URI)) {
            HostInfo info = host.hostInfo();
            String nodeinfo = LiveHost.virsh("nodeinfo");

            assertThat(info.hypervisor()).isEqualTo("QEMU");
            assertThat(info.supportedModes()).contains(VirtMode.QEMU);
            assertThat(nodeinfo).containsPattern("CPU\\(s\\):\\s+" + info.topology().cpuCount() + "\\n");
            assertThat(nodeinfo).containsPattern("Memory size:\\s+" + info.totalMemoryKiB() + " KiB");
            assertThat(info.freeMemoryKiB()).isPositive().isLessThanOrEqualTo(info.totalMemoryKiB());
            assertThat(host.features()).contains(Feature.TEXT_CONSOLE, Feature.PIN_EMULATOR, Feature.STATS)
                    .doesNotContain(Feature.PIN_SOFT, Feature.CPUPOOLS);
            assertThat(host.networks()).containsAll(LiveHost.virsh("net-list", "--all", "--name").lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList());
            assertThat(host.isAlive()).isTrue();
        }
    }
}
