package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.Feature;
import org.junit.jupiter.api.Test;

class XenBackendTest {
    @Test
    void isFoundThroughServiceLoaderForBothSchemes() {
        Backends backends = Backends.installed();
        assertThat(backends.forUri("xl:///").name()).isEqualTo("Xen (xl)");
        assertThat(backends.forUri("XL+SSH://root@h/").name()).isEqualTo("Xen (xl)");
    }

    @Test
    void declaresWhatItImplementsAndNotSnapshotsCloneMigrateOrEmulatorPinning() {
        assertThat(new XenBackend().implementedFeatures()).contains(Feature.PIN_SOFT, Feature.PIN_CONFIG, Feature.CPUPOOLS,
                Feature.STATS, Feature.VCPU_STATS, Feature.EVENTS, Feature.TEXT_CONSOLE)
                .doesNotContain(Feature.SNAPSHOTS, Feature.CLONE, Feature.MIGRATE, Feature.PIN_EMULATOR);
    }

    @Test
    void thisBuildMachineIsNotAXenHost() {
        // This machine has no Xen: connect must say so in one sentence, not fail later.
        assertThatThrownBy(() -> Backends.installed().connect("xl:///")).isInstanceOf(DuovirtException.class)
                .hasMessageStartingWith("This machine is not a Xen host (");
    }

    @Test
    void anUnreachableSshHostFailsAsUnreachable() {
        // Port 1 on loopback: nothing listens, the refusal is immediate.
        assertThatThrownBy(() -> Backends.installed().connect("xl+ssh://root@127.0.0.1:1/?known_hosts=/dev/null"))
                .isInstanceOf(HostUnreachableException.class).hasMessageContaining("root@127.0.0.1:1");
    }
}
