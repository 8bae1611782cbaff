package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class HostDeviceListTest {
    private static HostDevice pci(String name, String address) {
        return new HostDevice(name, HostDevice.Bus.PCI, address, "8086", "0c0c", "Intel Corporation", null, null, null, null, List.of());
    }

    private static HostDevice usb(String name, String address) {
        return new HostDevice(name, HostDevice.Bus.USB, address, "046d", "c52b", null, "Unifying Receiver", "usb", null, null, List.of());
    }

    private final HostDeviceList list = new HostDeviceList(List.of(pci("pci_0000_00_03_0", "0000:00:03.0"),
            usb("usb_1_2", "001.004"), usb("usb_1_3", "001.005")), false);

    @Test
    void aDeviceIsFoundByItsNameOrAddressAndAPciAddressAlsoWithoutItsDomain() {
        assertThat(list.find("pci_0000_00_03_0").address()).isEqualTo("0000:00:03.0");
        assertThat(list.find(" 0000:00:03.0 ").name()).isEqualTo("pci_0000_00_03_0");
        assertThat(list.find("00:03.0").name()).isEqualTo("pci_0000_00_03_0");
        assertThat(list.find("001.005").name()).isEqualTo("usb_1_3");
        assertThat(list.on(HostDevice.Bus.USB).devices()).hasSize(2);
    }

    @Test
    void noneOrSeveralIsOneSentenceNamingThem() {
        assertThatThrownBy(() -> list.find("046d:c52b")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("'046d:c52b' names 2 host devices (usb_1_2, usb_1_3): use one of those names.");
        assertThatThrownBy(() -> list.find("0000:00:1f.7\n<x>")).isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("The host has no PCI or USB device '0000:00:1f.7").hasMessageNotContaining("\n");
    }

    @Test
    void aDescriptionSaysBusAddressNamesAndIds() {
        assertThat(pci("p", "0000:00:03.0").describe()).isEqualTo("PCI 0000:00:03.0 Intel Corporation (8086:0c0c)");
        assertThat(usb("u", "001.004").withUsers(List.of("web")).usedBy()).containsExactly("web");
    }
}
