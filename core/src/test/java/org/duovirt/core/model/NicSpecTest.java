package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The NIC's model and MAC address: what the builder and the validator accept and refuse, in one sentence each. */
class NicSpecTest {
    private static List<SpecProblem> problems(String network, String model, String mac) {
        return new VmSpecBuilder().name("wiz-nic").memoryMiB(128).network(network).nic(model, mac).problems();
    }

    @Test
    void unicastAndLocallyAdministeredAddressesAndTheThreeModelsPass() {
        assertThat(problems("default", "e1000", "52:54:00:AB:cd:01")).isEmpty();
        assertThat(problems("default", "rtl8139", "02:00:00:00:00:01")).as("locally administered").isEmpty();
        assertThat(problems("default", "virtio", null)).isEmpty();
        VmSpec spec = new VmSpecBuilder().name("wiz-nic").memoryMiB(128).network("default").nic(" E1000 ", "52:54:00:AB:CD:01").build();
        assertThat(spec.nic()).isEqualTo(new VmSpec.Nic("e1000", "52:54:00:ab:cd:01"));
        assertThat(new VmSpecBuilder().name("wiz-nic").memoryMiB(128).build().nic()).isEqualTo(VmSpec.Nic.DEFAULT);
    }

    @Test
    void multicastMalformedZeroAndHostileAddressesAndUnknownModelsAreRefused() {
        assertThat(problems("default", null, "01:00:5e:00:00:01")).extracting(SpecProblem::message)
                .containsExactly("The MAC address '01:00:5e:00:00:01' is a multicast address; a NIC needs a unicast one (an even first octet, e.g. 52:…).");
        assertThat(problems("default", null, "ff:ff:ff:ff:ff:ff")).hasSize(1);
        assertThat(problems("default", null, "00:00:00:00:00:00")).extracting(SpecProblem::message)
                .containsExactly("The MAC address 00:00:00:00:00:00 is not usable; leave it empty to have one generated.");
        for (String bad : List.of("52:54:00:12:34", "52-54-00-12-34-56", "52:54:00:12:34:56:78", "52:54:00:12:34:5g",
                "52:54:00:12:34:56\n<x/>", "52:54:00:12:34:56'; $(id)")) {
            assertThat(problems("default", null, bad)).as(bad).singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("is not six hex pairs separated by ':'"))
                    .satisfies(p -> assertThat(p.field()).isEqualTo(SpecField.NIC));
        }
        assertThat(problems("default", "ne2k_pci", null)).extracting(SpecProblem::message)
                .containsExactly("The NIC model 'ne2k_pci' is not one of virtio, e1000, rtl8139.");
        assertThat(problems(null, "e1000", null)).extracting(SpecProblem::message)
                .containsExactly("A NIC model or MAC address needs a network to put the NIC on.");
    }
}
