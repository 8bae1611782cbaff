package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolTypeSupport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Pool XML from the writer: hostile names and paths stay text, and read back exactly as given. */
class PoolXmlTest {
    @Test
    void dirPoolIsTypeNameAndTarget() {
        String xml = PoolXml.write(PoolSpec.dir("images2", "/srv/images"));
        assertThat(xml).isEqualTo("""
                <pool type="dir">
                  <name>images2</name>
                  <target>
                    <path>/srv/images</path>
                  </target>
                </pool>
                """);
    }

    @Test
    void hostilePathsAreEscapedAndReadBackUnchanged() {
        String path = "/var/lib/x y/'q\"</path><path>/etc</path>$(rm -rf /)&amp;/Ünï€😀";
        String xml = PoolXml.write(PoolSpec.dir("pool-é", path));
        Element root = Xml.parse(xml);
        assertThat(Xml.children(root, "target")).hasSize(1);
        assertThat(Xml.children(Xml.child(root, "target"), "path")).hasSize(1);
        assertThat(Xml.text(Xml.path(root, "target", "path"))).isEqualTo(path);
        assertThat(Xml.text(Xml.child(root, "name"))).isEqualTo("pool-é");
        assertThat(xml).doesNotContain("<path>/etc</path>");
    }

    @Test
    void netfsCarriesHostAndExportAsAttributes() {
        Element root = Xml.parse(PoolXml.write(new PoolSpec("nas", PoolSpec.Type.NETFS, "/mnt/nas", "/export/\"vm\" images",
                "nas.example.org", false, true, false)));
        assertThat(Xml.attr(root, "type")).isEqualTo("netfs");
        assertThat(Xml.attr(Xml.path(root, "source", "host"), "name")).isEqualTo("nas.example.org");
        assertThat(Xml.attr(Xml.path(root, "source", "dir"), "path")).isEqualTo("/export/\"vm\" images");
        assertThat(Xml.attr(Xml.path(root, "source", "format"), "type")).isEqualTo("nfs");
    }

    @Test
    void fsNamesItsDeviceAndLogicalItsGroupWithDevTargetByDefault() {
        Element fs = Xml.parse(PoolXml.write(new PoolSpec("f", PoolSpec.Type.FS, "/mnt/f", "/dev/sdb1", null, true, true, true)));
        assertThat(Xml.attr(Xml.path(fs, "source", "device"), "path")).isEqualTo("/dev/sdb1");
        Element lvm = Xml.parse(PoolXml.write(new PoolSpec("vg", PoolSpec.Type.LOGICAL, null, "vg0", null, false, true, true)));
        assertThat(Xml.text(Xml.path(lvm, "source", "name"))).isEqualTo("vg0");
        assertThat(Xml.text(Xml.path(lvm, "target", "path"))).isEqualTo("/dev/vg0");
    }

    @Test
    void aCharacterXmlCannotCarryIsRefusedNotDropped() {
        assertThatThrownBy(() -> PoolXml.write(PoolSpec.dir("p", "/srv/a\u0001b")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("U+0001");
    }

    @Test
    void capabilitiesGreyOutTypesNotBuiltIn() {
        List<PoolTypeSupport> types = PoolXml.types("""
                <storagepoolCapabilities>
                  <pool type='dir' supported='yes'/>
                  <pool type='fs' supported='yes'/>
                  <pool type='logical' supported='no'/>
                </storagepoolCapabilities>
                """, "qemu:///system");
        assertThat(types).extracting(PoolTypeSupport::supported).containsExactly(true, true, false, false);
        assertThat(types.get(2).reason()).isEqualTo("libvirt on qemu:///system was built without the 'logical' storage backend.");
        assertThat(types.get(3).type()).isEqualTo(PoolSpec.Type.NETFS);
    }
}
