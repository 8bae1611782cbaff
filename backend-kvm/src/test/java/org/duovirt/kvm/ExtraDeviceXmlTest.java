package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.NewDevice;
import org.junit.jupiter.api.Test;

/** The XML of the devices Add Hardware makes, as libvirt is given it. */
class ExtraDeviceXmlTest {
    private static String flat(NewDevice device) {
        return ExtraDeviceOps.xml(device).replaceAll(">\\s+<", "><").strip();
    }

    @Test
    void aSerialPortIsAPseudoTerminalWhosePortLibvirtPicks() {
        assertThat(flat(NewDevice.of(NewDevice.Kind.SERIAL))).isEqualTo("<serial type=\"pty\"></serial>");
    }

    @Test
    void anRngIsVirtioFedByTheChosenHostSource() {
        assertThat(flat(new NewDevice(NewDevice.Kind.RNG, "/dev/random")))
                .isEqualTo("<rng model=\"virtio\"><backend model=\"random\">/dev/random</backend></rng>");
    }

    @Test
    void aDisplayListensOnLoopbackOnlyOnAPortLibvirtPicks() {
        assertThat(flat(new NewDevice(NewDevice.Kind.DISPLAY, "spice"))).isEqualTo(
                "<graphics type=\"spice\" autoport=\"yes\" listen=\"127.0.0.1\"><listen type=\"address\" address=\"127.0.0.1\"/></graphics>");
    }

    @Test
    void aTpmIsAnEmulatedTpm20WithTheChosenInterface() {
        assertThat(flat(NewDevice.of(NewDevice.Kind.TPM)))
                .isEqualTo("<tpm model=\"tpm-crb\"><backend type=\"emulator\" version=\"2.0\"/></tpm>");
        assertThat(flat(new NewDevice(NewDevice.Kind.TPM, "TPM-TIS"))).startsWith("<tpm model=\"tpm-tis\">");
    }
}
