package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class NewDeviceTest {
    @Test
    void eachKindHasADefaultAndTakesItsChoicesInAnyCase() {
        assertThat(NewDevice.of(NewDevice.Kind.SERIAL).type()).isEqualTo("pty");
        assertThat(NewDevice.of(NewDevice.Kind.RNG).type()).isEqualTo("/dev/urandom");
        assertThat(NewDevice.of(NewDevice.Kind.DISPLAY).type()).isEqualTo("vnc");
        assertThat(new NewDevice(NewDevice.Kind.DISPLAY, " SPICE ").type()).isEqualTo("spice");
        assertThat(new NewDevice(NewDevice.Kind.RNG, "/dev/random").describe()).isEqualTo("a random-number generator (/dev/random)");
    }

    @Test
    void anythingElseIsRefusedInOneSentenceThatShowsItPrintably() {
        assertThatThrownBy(() -> new NewDevice(NewDevice.Kind.RNG, "/etc/shadow")).isInstanceOf(InvalidSpecException.class)
                .hasMessage("'/etc/shadow' is not a choice for a random-number generator: use /dev/urandom or /dev/random.");
        assertThatThrownBy(() -> new NewDevice(NewDevice.Kind.DISPLAY, "vnc'/><x a='\n"))
                .hasMessageStartingWith("'vnc'/><x a='").hasMessageEndingWith("use vnc or spice.").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> new NewDevice(null, "pty")).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void aTpmIsCrbByDefaultOrTisAndChoicesAreEitherTypesOrAReason() {
        assertThat(NewDevice.of(NewDevice.Kind.TPM).type()).isEqualTo("tpm-crb");
        assertThat(new NewDevice(NewDevice.Kind.TPM, "tpm-tis").describe()).isEqualTo("a TPM (tpm-tis)");
        assertThatThrownBy(() -> new NewDevice(NewDevice.Kind.TPM, "passthrough")).hasMessage(
                "'passthrough' is not a choice for a TPM: use tpm-crb or tpm-tis.");
        assertThat(DeviceChoices.all(NewDevice.Kind.TPM).types()).containsExactly("tpm-crb", "tpm-tis");
        assertThat(DeviceChoices.none("no swtpm").available()).isFalse();
        assertThatThrownBy(() -> new DeviceChoices(java.util.List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceChoices(java.util.List.of("tpm-crb"), "why")).isInstanceOf(IllegalArgumentException.class);
    }
}
