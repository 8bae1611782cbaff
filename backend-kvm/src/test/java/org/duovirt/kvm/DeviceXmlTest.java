package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.NicAttachment;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DeviceXmlTest {
    private static final String HOSTILE = "/srv/my \"disc\" <'&$(rm -rf x)'> é.iso";

    @Test
    void aHostilePathStaysOneAttributeValue() {
        String xml = DeviceXml.disk(new DiskAttachment(HOSTILE, null, null, true, false), "sata", "sdb", "raw");
        Element disk = Xml.parse(xml);
        assertThat(Xml.attr(Xml.child(disk, "source"), "file")).isEqualTo(HOSTILE);
        assertThat(Xml.attr(disk, "device")).isEqualTo("cdrom");
        assertThat(Xml.child(disk, "readonly")).isNotNull();
        assertThat(Xml.attr(Xml.child(disk, "target"), "dev")).isEqualTo("sdb");
    }

    @Test
    void blockDevicesAreWrittenAsBlockDisks() {
        Element disk = Xml.parse(DeviceXml.disk(DiskAttachment.disk("/dev/vg0/data", "vdc"), "virtio", "vdc", "raw"));
        assertThat(Xml.attr(disk, "type")).isEqualTo("block");
        assertThat(Xml.attr(Xml.child(disk, "source"), "dev")).isEqualTo("/dev/vg0/data");
    }

    @Test
    void nextTargetTakesTheFirstFreeNameOfTheBus() {
        assertThat(DeviceXml.nextTarget("virtio", Set.of("vda", "vdb", "sda"))).isEqualTo("vdc");
        assertThat(DeviceXml.nextTarget("sata", Set.of("vda"))).isEqualTo("sda");
        assertThat(DeviceXml.nextTarget("ide", Set.of("hda"))).isEqualTo("hdb");
        java.util.Set<String> all = new java.util.HashSet<>();
        for (char c = 'a'; c <= 'z'; c++) {
            all.add("vd" + c);
        }
        assertThat(DeviceXml.nextTarget("virtio", all)).isEqualTo("vdaa");
    }

    @Test
    void anUnknownBusIsRefusedByName() {
        assertThatThrownBy(() -> DeviceXml.bus(new DiskAttachment("/x", null, "fire\nwire", false, false)))
                .isInstanceOf(InvalidSpecException.class).hasMessage("The bus 'fire?wire' is not one of virtio, sata, scsi, ide, usb.");
    }

    @Test
    void nicsJoinANetworkOrABridgeWithALowerCaseMac() {
        Element onNetwork = Xml.parse(DeviceXml.nic(new NicAttachment("lab", null, null, "52:54:00:AA:00:01")));
        assertThat(Xml.attr(onNetwork, "type")).isEqualTo("network");
        assertThat(Xml.attr(Xml.child(onNetwork, "source"), "network")).isEqualTo("lab");
        assertThat(Xml.attr(Xml.child(onNetwork, "mac"), "address")).isEqualTo("52:54:00:aa:00:01");
        assertThat(Xml.attr(Xml.child(onNetwork, "model"), "type")).isEqualTo("virtio");
        Element onBridge = Xml.parse(DeviceXml.nic(new NicAttachment(null, "br0", "e1000", null)));
        assertThat(Xml.attr(Xml.child(onBridge, "source"), "bridge")).isEqualTo("br0");
        assertThat(Xml.child(onBridge, "mac")).isNull();
    }

    @Test
    void networkXmlRoundTripsThroughTheReader() {
        String xml = NetworkXml.write(new NetworkSpec("lab", NetworkSpec.Mode.ROUTED, "10.9.0.1", 16, "10.9.1.1", "10.9.1.50"));
        NetworkInfo info = NetworkXml.read(xml, true, false, true, java.util.List.of("web"));
        assertThat(info.mode()).isEqualTo("route");
        assertThat(info.address()).isEqualTo("10.9.0.1/16");
        assertThat(info.dhcpRange()).isEqualTo("10.9.1.1 - 10.9.1.50");
        assertThat(info.vms()).containsExactly("web");
        NetworkInfo isolated = NetworkXml.read(NetworkXml.write(new NetworkSpec("iso", NetworkSpec.Mode.ISOLATED,
                "10.8.0.1", 24, null, null)), false, false, true, java.util.List.of());
        assertThat(isolated.mode()).isEqualTo("isolated");
        assertThat(isolated.dhcpRange()).isNull();
    }

    @Test
    void aCloneLeavesSkippedDisksOut() {
        String xml = "<domain type='qemu'><name>a</name><uuid>u</uuid><devices>"
                + "<disk type='file' device='disk'><source file='/p/a.qcow2'/><target dev='vda'/></disk>"
                + "<disk type='file' device='cdrom'><target dev='sda'/></disk></devices></domain>";
        Element clone = Xml.parse(VmCloner.rewrite(xml, "b", Map.of("/p/a.qcow2", "/p/b.qcow2"), Set.of("sda")));
        assertThat(Xml.children(Xml.child(clone, "devices"), "disk")).hasSize(1);
        assertThat(Xml.attr(Xml.child(DeviceXml.diskByTarget(clone, "vda"), "source"), "file")).isEqualTo("/p/b.qcow2");
        assertThat(Xml.child(clone, "uuid")).isNull();
    }
}
