package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.config.XlVif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who uses a disk or a MAC on a Xen host: the running domains from a real {@code xl list -l} capture plus the owned
 * cfgs (a real store in a temporary directory), disk paths compared by the real path the shell script resolves here
 * (symlinks, {@code ..}); the image listing reads the format from the header, not the name.
 */
class XenHostUsesTest {
    /** The running domain of the capture, and the disk file it uses there. */
    private static final String RUNNING = "web \"server\"";
    private static final String RUNNING_DISK = "/var/lib/xen/duovirt/images/web.img";
    @TempDir
    Path dir;

    private XenDomains domains() {
        CapturedXlHost host = new CapturedXlHost(Map.of("list -l", Golden.read("golden/xl-list-l.json")));
        return new XenDomains(new Xl(host), new OwnedConfigStore(host, dir.resolve("etc").toString(), dir.resolve("save").toString(),
                dir.resolve("images").toString()));
    }

    /** An owned VM that is off, with one disk and one NIC. */
    private void ownedOff(XenDomains domains, String name, String disk, String mac) {
        XlConfig config = new XlConfig(name, "pv", 64, 64, 1, 1, List.of(), List.of(), "/k", null, null, null, false, false,
                List.of(new XlDisk(disk, "xvda", "raw", false, false, false)), List.of(new XlVif("xenbr0", mac)), false,
                "0b5e5d6e-7c3b-4c1e-9d64-0f5a2d8b1c11", null);
        domains.store().write(name, XlConfigWriter.write(config));
    }

    @Test
    void aDiskIsMatchedByItsRealPathThroughSymlinksAndDotDot() throws Exception {
        XenDomains domains = domains();
        Path images = Files.createDirectories(dir.resolve("images"));
        Path image = Files.writeString(images.resolve("base.img"), "disk");
        Files.createSymbolicLink(dir.resolve("link.img"), image);
        ownedOff(domains, "off vm", dir.resolve("link.img").toString(), "00:16:3e:00:00:01");
        XenHostUses uses = new XenHostUses(domains);

        assertThat(uses.diskUsers(image.toString())).containsExactly("off vm");
        assertThat(uses.diskUsers(images.resolve("../images/./base.img").toString())).containsExactly("off vm");
        Path other = Files.writeString(images.resolve("other.img"), "disk");
        assertThat(uses.diskUsers(other.toString())).isEmpty();
        assertThat(uses.diskUsers(dir.resolve("no-such.img").toString())).as("a file that does not resolve is nobody's").isEmpty();
    }

    @Test
    void aRunningDomainOfTheCaptureIsAUserOfItsDiskAndMac() {
        List<XenHostUses.Use> uses = XenHostUses.merge(
                org.duovirt.xen.parse.XlListJsonParser.parse(Golden.read("golden/xl-list-l.json")), List.of());
        assertThat(uses).extracting(XenHostUses.Use::vm).containsExactly(RUNNING);
        assertThat(uses.get(0).disks()).containsExactly(RUNNING_DISK, "/srv/iso/data.iso");
        // dom0 resolves the path the user typed (here through a symlink) to the running domain's file
        Map<String, String> real = Map.of("/srv/link-to-web.img", RUNNING_DISK, RUNNING_DISK, RUNNING_DISK, "/srv/iso/data.iso", "");
        assertThat(XenHostUses.usersOf(real.get("/srv/link-to-web.img"), uses, real)).containsExactly(RUNNING);
        assertThat(XenHostUses.macUsers("00:16:3E:5C:2B:7F", uses)).containsExactly(RUNNING);
        assertThat(XenHostUses.macUsers("00:16:3e:5c:2b:70", uses)).isEmpty();
    }

    @Test
    void anOwnedVmThatIsOffUsesItsMacAndTheRunningOnesAreListedToo() {
        XenDomains domains = domains();
        ownedOff(domains, "off vm", "/nowhere.img", "00:16:3e:aa:bb:cc");
        XenHostUses uses = new XenHostUses(domains);
        assertThat(uses.macUsers("00:16:3E:AA:BB:CC")).containsExactly("off vm");
        assertThat(uses.macUsers("00:16:3e:5c:2b:7f")).containsExactly(RUNNING);
    }

    @Test
    void theImageListingReadsQcow2FromTheHeaderWithItsVirtualSizeAndNamesTheUsers() throws Exception {
        XenDomains domains = domains();
        Path images = Files.createDirectories(dir.resolve("images"));
        byte[] qcow2 = new byte[512];
        byte[] header = {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3};
        System.arraycopy(header, 0, qcow2, 0, header.length);
        long virtual = 5L << 30;
        for (int i = 0; i < 8; i++) {
            qcow2[24 + i] = (byte) (virtual >>> (56 - 8 * i));
        }
        Files.write(images.resolve("named-raw.img"), qcow2); // a qcow2 file whose name says nothing
        Files.write(images.resolve("looks.qcow2"), new byte[4096]); // a raw file whose name says qcow2
        Files.createSymbolicLink(images.resolve("a-link.img"), images.resolve("looks.qcow2"));
        ownedOff(domains, "off vm", dir.resolve("images/../images/looks.qcow2").toString(), null);

        List<VolumeInfo> list = new XenHostViews(domains).volumes(domains.store().imageDir());
        assertThat(list).extracting(VolumeInfo::name).containsExactly("looks.qcow2", "named-raw.img");
        assertThat(list.get(0).format()).isEqualTo("raw");
        assertThat(list.get(0).capacityBytes()).isEqualTo(4096);
        assertThat(list.get(0).usedBy()).containsExactly("off vm");
        assertThat(list.get(1).format()).isEqualTo("qcow2");
        assertThat(list.get(1).capacityBytes()).isEqualTo(virtual);
        assertThat(list.get(1).usedBy()).isEmpty();
        assertThat(XenImageFormat.of(domains.xl(), images.resolve("named-raw.img").toString())).isEqualTo("qcow2");
        assertThat(XenImageFormat.of(domains.xl(), images.resolve("looks.qcow2").toString())).isEqualTo("raw");
    }
}
