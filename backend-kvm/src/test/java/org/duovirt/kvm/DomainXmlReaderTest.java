package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VirtMode;
import org.junit.jupiter.api.Test;

class DomainXmlReaderTest {

    @Test
    void readsARunningQemuDomainsDisksConsolesAndVncPort() {
        DomainDescription d = DomainXmlReader.read(Golden.read("domain-qemu-live.xml"));

        assertThat(d.name()).isEqualTo("dvt-it-kvm-golden");
        assertThat(d.domainType()).isEqualTo("qemu");
        assertThat(d.mode()).isEqualTo(VirtMode.QEMU);
        assertThat(d.osType()).isEqualTo("hvm");
        assertThat(d.arch()).isEqualTo("x86_64");
        assertThat(d.disks()).containsExactly(new DiskInfo("hdc",
                "/var/lib/libvirt/images/duovirt-test/initrd.gz", "raw", "cdrom", true));
        assertThat(d.nics()).isEmpty();
        assertThat(d.graphics()).containsExactly(new GraphicsEndpoint("vnc", "127.0.0.1", 5900, null, null));
        assertThat(d.consoles()).extracting(ConsoleInfo::kind)
                .containsExactly(ConsoleInfo.Kind.SERIAL, ConsoleInfo.Kind.VNC);
        assertThat(d.consoles().get(0).detail()).isEqualTo("/dev/pts/0");
    }

    @Test
    void anInactiveDomainHasNoGraphicsPortYet() {
        DomainDescription d = DomainXmlReader.read(Golden.read("domain-qemu-inactive.xml"));

        assertThat(d.graphics()).singleElement().satisfies(g -> {
            assertThat(g.port()).isEqualTo(-1);
            assertThat(g.host()).isEqualTo("127.0.0.1");
        });
    }

    @Test
    void readsTheTestDriversDomainWithItsNetworkNic() {
        DomainDescription d = DomainXmlReader.read(Golden.read("domain-test.xml"));

        assertThat(d.domainType()).isEqualTo("test");
        assertThat(d.mode()).isNull();
        assertThat(d.uuid()).isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(d.disks()).containsExactly(new DiskInfo("vda", "/guest/diskimage1", null, "disk", false));
        assertThat(d.nics()).containsExactly(new NicInfo("aa:bb:cc:dd:ee:ff", "default", null));
        assertThat(d.nicTargets()).containsExactly("testnet0");
    }

    @Test
    void readsSpiceOnAUnixSocketAndAKvmDomain() {
        String xml = """
                <domain type='kvm'><name>w</name><os><type arch='x86_64'>hvm</type>
                <nvram>/var/lib/libvirt/qemu/nvram/w_VARS.fd</nvram></os><devices>
                <graphics type='spice' autoport='yes'><listen type='socket' socket='/run/w.sock'/></graphics>
                <interface type='bridge'><mac address='52:54:00:00:00:01'/><source bridge='br0'/><model type='virtio'/></interface>
                </devices></domain>""";

        DomainDescription d = DomainXmlReader.read(xml);

        assertThat(d.mode()).isEqualTo(VirtMode.KVM);
        assertThat(d.graphics()).containsExactly(new GraphicsEndpoint("spice", null, -1, "/run/w.sock", null));
        assertThat(d.nics()).containsExactly(new NicInfo("52:54:00:00:00:01", "br0", "virtio"));
        assertThat(d.nvram()).isEqualTo("/var/lib/libvirt/qemu/nvram/w_VARS.fd");
    }
}
