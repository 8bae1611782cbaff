package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkSpecValidatorTest {
    private static NetworkSpec spec(String name, String address, int prefix, String start, String end) {
        return new NetworkSpec(name, NetworkSpec.Mode.NAT, address, prefix, start, end);
    }

    @Test
    void aPlainNatNetworkWithARangeInsideItsSubnetIsFine() {
        assertThat(NetworkSpecValidator.problems(spec("lab", "192.168.150.1", 24, "192.168.150.100", "192.168.150.200"))).isEmpty();
        assertThat(NetworkSpecValidator.problems(spec("lab", "10.0.0.1", 8, null, null))).isEmpty();
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThat(NetworkSpecValidator.problems(spec("a\"b\n", "300.1.1.1", 31, "1.1.1.1", "1.1.1.2"))).containsExactly(
                "'a\"b?' cannot name a network; use up to 15 letters, digits, '.', '_' or '-'.",
                "'300.1.1.1' is not an IPv4 address like 192.168.150.1.",
                "The prefix must be 8–30; 31 was asked for.");
    }

    @Test
    void theDhcpRangeMustLieInsideTheSubnetInOrderAndMissTheHost() {
        assertThat(NetworkSpecValidator.problems(spec("n", "192.168.1.1", 24, "192.168.2.10", "192.168.2.20")))
                .containsExactly("The DHCP range 192.168.2.10 - 192.168.2.20 is not inside 192.168.1.1/24.");
        assertThat(NetworkSpecValidator.problems(spec("n", "192.168.1.1", 24, "192.168.1.20", "192.168.1.10")))
                .containsExactly("The DHCP range starts after it ends.");
        assertThat(NetworkSpecValidator.problems(spec("n", "192.168.1.1", 24, "192.168.1.1", "192.168.1.10")))
                .containsExactly("The DHCP range must not hold the host's own address 192.168.1.1.");
        assertThat(NetworkSpecValidator.problems(spec("n", "192.168.1.1", 24, "192.168.1.5", null)))
                .containsExactly("The DHCP range needs a first and a last IPv4 address.");
    }

    @Test
    void modesReadAsUsersWriteThem() {
        assertThat(NetworkSpec.Mode.parse("Routed")).isEqualTo(NetworkSpec.Mode.ROUTED);
        assertThat(NetworkSpec.Mode.ROUTED.word()).isEqualTo("route");
        assertThatThrownBy(() -> NetworkSpec.Mode.parse("bridge")).hasMessageContaining("not one of nat, isolated, routed");
    }
}
