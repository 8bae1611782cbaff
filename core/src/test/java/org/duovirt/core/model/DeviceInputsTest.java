package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceInputsTest {
    @Test
    void acceptsUnicastMacsAndRefusesWhatIsNotOne() {
        assertThat(DeviceInputs.macProblem("52:54:00:AB:cd:01")).isNull();
        assertThat(DeviceInputs.macProblem("52:54:00:ab:cd")).contains("is not a MAC address");
        assertThat(DeviceInputs.macProblem("52-54-00-ab-cd-01")).contains("is not a MAC address");
        assertThat(DeviceInputs.macProblem("zz:54:00:ab:cd:01")).contains("is not a MAC address");
        assertThat(DeviceInputs.macProblem("52:54:00:ab:cd:01\n")).contains("'52:54:00:ab:cd:01?'");
        assertThat(DeviceInputs.macProblem(null)).contains("is not a MAC address");
        assertThat(DeviceInputs.macProblem("01:00:5e:00:00:01")).contains("multicast");
    }

    @Test
    void pathsMayHoldSpacesAndQuotesButNoControlCharactersOrCommas() {
        assertThat(DeviceInputs.pathProblem("/srv/iso/my \"disc\" 'x' é.iso")).isNull();
        assertThat(DeviceInputs.pathProblem("relative.iso")).contains("not absolute");
        assertThat(DeviceInputs.pathProblem("/srv/a\nb.iso")).contains("control characters");
        assertThat(DeviceInputs.pathProblem("/srv/a,b.iso")).contains("comma");
        assertThat(DeviceInputs.pathProblem(" ")).isEqualTo("The path is empty.");
    }

    @Test
    void targetsAreGuestDeviceNames() {
        assertThat(DeviceInputs.targetProblem("vdb")).isNull();
        assertThat(DeviceInputs.targetProblem("xvdaa")).isNull();
        assertThat(DeviceInputs.targetProblem("../vda")).contains("not a disk device name");
        assertThat(DeviceInputs.targetProblem("vd")).contains("not a disk device name");
    }

    @Test
    void volumeNamesArePlainFileNames() {
        assertThat(DeviceInputs.volumeNameProblem("data-1.qcow2")).isNull();
        assertThat(DeviceInputs.volumeNameProblem("a b")).contains("cannot name a volume");
        assertThat(DeviceInputs.volumeNameProblem("../etc")).contains("cannot name a volume");
        assertThat(DeviceInputs.volumeNameProblem("-x")).contains("cannot name a volume");
        assertThat(DeviceInputs.volumeNameProblem("x".repeat(129))).contains("cannot name a volume");
    }

    @Test
    void sizesBeyondThePoolOrBeyondOnePebibyteAreRefused() {
        assertThat(DeviceInputs.sizeProblem(1 << 20, 2 << 20)).isNull();
        assertThat(DeviceInputs.sizeProblem(3L << 20, 2L << 20)).isEqualTo("The pool has 2 MiB free; 3 MiB does not fit.");
        assertThat(DeviceInputs.sizeProblem(0, -1)).contains("larger than 0");
        assertThat(DeviceInputs.sizeProblem(Long.MAX_VALUE, -1)).contains("at most 1 PiB");
    }

    @Test
    void parsesSizesWithUnitsWithoutOverflow() {
        assertThat(DeviceInputs.parseSize("512M")).isEqualTo(512L << 20);
        assertThat(DeviceInputs.parseSize("1.5GiB")).isEqualTo(3L << 29);
        assertThat(DeviceInputs.parseSize("4096")).isEqualTo(4096);
        assertThat(DeviceInputs.parseSize("1P")).isEqualTo(1L << 50);
        assertThatThrownBy(() -> DeviceInputs.parseSize("99999999999999999999T")).hasMessageContaining("beyond 1 PiB");
        assertThatThrownBy(() -> DeviceInputs.parseSize("10 apples")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> DeviceInputs.parseSize("-5G")).hasMessageContaining("is not a size");
    }
}
