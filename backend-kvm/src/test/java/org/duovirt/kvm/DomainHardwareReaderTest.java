package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.HardwareItem.Kind;
import org.duovirt.core.model.VmHardware;
import org.junit.jupiter.api.Test;

class DomainHardwareReaderTest {

    @Test
    void everyDeviceOfAFullDefinitionBecomesAnItemWithItsSettings() {
        VmHardware hw = DomainHardwareReader.read(Golden.read("domain-hardware.xml"));

        assertThat(hw.items()).extracting(HardwareItem::kind).containsExactly(Kind.DISK, Kind.DISK, Kind.NIC, Kind.NIC,
                Kind.SERIAL, Kind.CONSOLE, Kind.OTHER, Kind.INPUT, Kind.GRAPHICS, Kind.SOUND, Kind.VIDEO, Kind.USB_HOST,
                Kind.PCI_HOST, Kind.RNG, Kind.TPM, Kind.OTHER);
        HardwareItem vda = hw.items().get(0);
        assertThat(vda.id()).isEqualTo("vda");
        assertThat(vda.value("source")).isEqualTo("/var/lib/libvirt/images/my \"disc\" é.qcow2");
        assertThat(vda.value("bus")).isEqualTo("virtio");
        assertThat(vda.value("cache")).isEqualTo("none");
        assertThat(vda.value("format")).isEqualTo("qcow2");
        assertThat(vda.value("serial")).isEqualTo("DET-1");
        HardwareItem cdrom = hw.items().get(1);
        assertThat(cdrom.value("device")).isEqualTo("cdrom");
        assertThat(cdrom.value("source")).isEqualTo("default/install.iso");
        assertThat(cdrom.value("readonly")).isEqualTo("yes");
        HardwareItem nic = hw.items().get(2);
        assertThat(nic.id()).isEqualTo("52:54:00:12:34:56");
        assertThat(nic.value("network")).isEqualTo("default");
        assertThat(nic.value("link")).isEqualTo("down");
        assertThat(hw.items().get(3).value("network")).isEqualTo("br0");
        assertThat(hw.items().get(6).value("element")).isEqualTo("channel");
        HardwareItem spice = hw.items().get(8);
        assertThat(spice.value("type")).isEqualTo("spice");
        assertThat(spice.value("listen")).isEqualTo("0.0.0.0");
        assertThat(spice.value("password")).isEqualTo("set");
        assertThat(hw.items()).allSatisfy(i -> assertThat(i.settings()).noneMatch(s -> s.value().contains("s3cret")));
        assertThat(hw.items().get(9).value("model")).isEqualTo("ich9");
        assertThat(hw.items().get(10).value("model")).isEqualTo("qxl");
        assertThat(hw.items().get(11).value("vendor")).isEqualTo("0x046d");
        assertThat(hw.items().get(11).value("product")).isEqualTo("0xc52b");
        assertThat(hw.items().get(12).value("address")).isEqualTo("0x0000:0x03:0x00:0x0");
        assertThat(hw.items().get(13).value("source")).isEqualTo("/dev/urandom");
        assertThat(hw.items().get(14).value("version")).isEqualTo("2.0");
        assertThat(hw.bootOrder()).containsExactly(BootDevice.CDROM, BootDevice.HD, BootDevice.NETWORK);
        assertThat(hw.topology()).isEqualTo("1 × 2 × 2");
        assertThat(hw.cpuModel()).isEqualTo("host-model");
        assertThat(hw.maxMemoryMiB()).isEqualTo(256);
        assertThat(hw.kernel()).isNull();
    }

    @Test
    void aRealRunningGuestsXmlGivesItsKernelBootAndDevices() {
        VmHardware hw = DomainHardwareReader.read(Golden.read("domain-qemu-live.xml"), Golden.read("domain-qemu-inactive.xml"));

        assertThat(hw.kernel()).isEqualTo("/var/lib/libvirt/images/duovirt-test/vmlinuz");
        assertThat(hw.cmdline()).isEqualTo("console=ttyS0");
        assertThat(hw.cpuModel()).isNotBlank();
        assertThat(hw.items()).filteredOn(i -> i.kind() == Kind.SERIAL).singleElement()
                .satisfies(s -> assertThat(s.value("path")).isEqualTo("/dev/pts/0"));
        assertThat(hw.items()).filteredOn(i -> i.kind() == Kind.GRAPHICS).singleElement()
                .satisfies(g -> {
                    assertThat(g.value("port")).isEqualTo("5900");
                    assertThat(g.value("password")).isNull();
                });
        assertThat(hw.items()).filteredOn(i -> i.kind() == Kind.VIDEO).singleElement()
                .satisfies(v -> assertThat(v.value("model")).isEqualTo("vga"));
    }

    /** libvirt 9.0's own {@code dumpxml --security-info} of a shut-off VM with one of each read-only device kind. */
    @Test
    void libvirtsSecureXmlGivesEachDevicePageItsSettingsAndOnlyThatAPasswordIsSet() {
        VmHardware hw = DomainHardwareReader.read(Golden.read("domain-devices-secure.xml"));

        HardwareItem vnc = only(hw, Kind.GRAPHICS);
        assertThat(vnc.value("type")).isEqualTo("vnc");
        assertThat(vnc.value("listen")).isEqualTo("127.0.0.1");
        assertThat(vnc.value("port")).isEqualTo("5951");
        assertThat(vnc.value("autoport")).isEqualTo("no");
        assertThat(vnc.value("password")).isEqualTo("set");
        assertThat(hw.items()).allSatisfy(i -> assertThat(i.settings()).noneMatch(s -> s.value().contains("$(x)")));
        HardwareItem serial = only(hw, Kind.SERIAL);
        assertThat(serial.value("type")).isEqualTo("pty");
        assertThat(serial.value("target")).isEqualTo("isa-serial");
        assertThat(serial.value("port")).isEqualTo("0");
        assertThat(only(hw, Kind.CONSOLE).value("target")).isEqualTo("serial");
        HardwareItem video = only(hw, Kind.VIDEO);
        assertThat(video.value("model")).isEqualTo("vga");
        assertThat(video.value("vram")).isEqualTo("16384");
        assertThat(only(hw, Kind.SOUND).value("model")).isEqualTo("ich6");
        assertThat(only(hw, Kind.RNG).value("source")).isEqualTo("/dev/urandom");
        HardwareItem tpm = only(hw, Kind.TPM);
        assertThat(tpm.value("backend")).isEqualTo("passthrough");
        assertThat(tpm.value("path")).isEqualTo("/dev/tpm0");
        assertThat(only(hw, Kind.USB_HOST).value("vendor")).isEqualTo("0x046d");
        assertThat(only(hw, Kind.PCI_HOST).value("address")).isEqualTo("0x0000:0x03:0x00:0x0");
        assertThat(only(hw, Kind.PCI_HOST).value("hostdev")).isEqualTo("0000:03:00.0");
        assertThat(only(hw, Kind.USB_HOST).value("hostdev")).isEqualTo("046d:c52b");
    }

    private static HardwareItem only(VmHardware hw, Kind kind) {
        var of = hw.items().stream().filter(i -> i.kind() == kind).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }
}
