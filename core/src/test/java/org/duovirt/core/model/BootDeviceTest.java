package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootDeviceTest {
    @Test
    void readsCommaOrSpaceSeparatedOrders() {
        assertThat(BootDevice.parseOrder("cdrom, hd network")).containsExactly(BootDevice.CDROM, BootDevice.HD, BootDevice.NETWORK);
        assertThat(BootDevice.parseOrder("fd").get(0).word()).isEqualTo("fd");
    }

    @Test
    void refusesRepeatsUnknownWordsAndEmptyOrders() {
        assertThatThrownBy(() -> BootDevice.parseOrder("hd,disk")).hasMessage("The boot order names hd twice.");
        assertThatThrownBy(() -> BootDevice.parseOrder("hd,usb")).hasMessageContaining("'usb' is not a boot device");
        assertThatThrownBy(() -> BootDevice.parseOrder(" , ")).hasMessageContaining("at least one device");
    }
}
