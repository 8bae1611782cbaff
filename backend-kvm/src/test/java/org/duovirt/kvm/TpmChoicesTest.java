package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.DeviceChoices;
import org.junit.jupiter.api.Test;

/** The TPM a VM may get, from libvirt 9.0's domain capabilities as this host printed them before and after swtpm. */
class TpmChoicesTest {
    private static final String VM = "<domain type='qemu'><name>t</name><os><type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type></os>"
            + "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator><serial type='pty'/></devices></domain>";

    private static String caps(String tpm) {
        return "<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><domain>qemu</domain><devices>"
                + "<disk supported='yes'/>" + tpm + "<redirdev supported='yes'/></devices></domainCapabilities>";
    }

    private static final String WITH_SWTPM = caps("<tpm supported='yes'><enum name='model'><value>tpm-tis</value><value>tpm-crb</value>"
            + "</enum><enum name='backendModel'><value>passthrough</value><value>emulator</value></enum>"
            + "<enum name='backendVersion'><value>1.2</value><value>2.0</value></enum></tpm>");

    @Test
    void withSwtpmTheEmulatorIsOfferedCrbFirst() {
        // captured on this host after apt-get install swtpm swtpm-tools (libvirt 9.0 lists emulator and 1.2/2.0)
        DeviceChoices c = TpmChoices.parse(Golden.read("domcaps-qemu-tcg-swtpm.xml"), Xml.parse(VM));
        assertThat(c.available()).isTrue();
        assertThat(c.types()).containsExactly("tpm-crb", "tpm-tis");
        assertThat(TpmChoices.parse(WITH_SWTPM, Xml.parse(VM)).types()).containsExactly("tpm-crb", "tpm-tis");
    }

    @Test
    void withoutSwtpmOnlyPassthroughIsListedAndTheReasonSaysWhatToInstall() {
        // captured on this host before swtpm was installed
        DeviceChoices c = TpmChoices.parse(Golden.read("domcaps-qemu-tcg.xml"), Xml.parse(VM));
        assertThat(c.available()).isFalse();
        assertThat(c.types()).isEmpty();
        assertThat(c.unavailable()).isEqualTo(TpmChoices.NO_SWTPM).contains("swtpm");
    }

    @Test
    void onlyTheModelsTheMachineTakesAreOffered() {
        DeviceChoices c = TpmChoices.parse(WITH_SWTPM.replace("<value>tpm-crb</value>", ""), Xml.parse(VM));
        assertThat(c.types()).containsExactly("tpm-tis");
    }

    @Test
    void noTpmAtAllNoTpm20NoCapabilitiesOrOneAlreadyEachSayWhy() {
        assertThat(TpmChoices.parse(caps("<tpm supported='no'/>"), Xml.parse(VM)).unavailable()).contains("offers no TPM");
        assertThat(TpmChoices.parse(caps(""), Xml.parse(VM)).unavailable()).contains("offers no TPM");
        assertThat(TpmChoices.parse(WITH_SWTPM.replace("<value>2.0</value>", ""), Xml.parse(VM)).unavailable())
                .isEqualTo("The host's swtpm emulates no TPM 2.0, only 1.2.");
        assertThat(TpmChoices.parse(null, Xml.parse(VM)).unavailable()).isEqualTo("This host does not say which TPMs its VMs can have.");
        String withTpm = VM.replace("<serial type='pty'/>", "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>");
        assertThat(TpmChoices.parse(WITH_SWTPM, Xml.parse(withTpm)).unavailable()).contains("has a TPM already");
    }
}
