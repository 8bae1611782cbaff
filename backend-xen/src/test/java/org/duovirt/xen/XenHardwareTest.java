package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmHardware;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigReader;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlListJsonParser;
import org.junit.jupiter.api.Test;

/** The Xen hardware list from an owned cfg and from a foreign domain's {@code xl list -l}, both as written/read by real tools. */
class XenHardwareTest {
    private static VmDetails details(String type, List<DiskInfo> disks, List<NicInfo> nics) {
        return new VmDetails(new VmSummary("web", null, VmState.SHUTOFF, -1, 2, 4, 131072, 262144), type,
                "hvm".equals(type) ? VirtMode.HVM : VirtMode.PV, "x86_64", false, disks, nics, List.of());
    }

    @Test
    void anOwnedPvGuestGetsItsKernelRamdiskArgumentsAndMaximumFromTheCfg() {
        XlConfig cfg = XlConfigReader.read(Golden.read("golden/pv-guest.cfg"));
        VmHardware hw = XenHardware.of(details("pv", List.of(new DiskInfo("xvda", "/var/lib/xen/duovirt/images/web.img", "raw", "disk", false)),
                List.of(new NicInfo("00:16:3e:12:34:56", "xenbr1", null))), cfg, null);

        assertThat(hw.kernel()).isEqualTo("/boot/vmlinuz-6.1.0-27-amd64");
        assertThat(hw.initrd()).isEqualTo("/srv/guest/initrd.gz");
        assertThat(hw.cmdline()).isEqualTo("console=hvc0 quiet");
        assertThat(hw.maxMemoryMiB()).isEqualTo(256);
        assertThat(hw.bootOrder()).isEmpty();
        assertThat(hw.items()).extracting(HardwareItem::kind).containsExactly(HardwareItem.Kind.DISK, HardwareItem.Kind.NIC);
    }

    @Test
    void anHvmGuestBootingFromItsIsoHasCdromFirst() {
        XlConfig cfg = XlConfigReader.read(Golden.read("golden/hvm-iso-hostile.cfg"));
        VmHardware hw = XenHardware.of(details("hvm", List.of(), List.of()), cfg, null);

        assertThat(hw.bootOrder()).containsExactly(BootDevice.CDROM, BootDevice.HD);
        assertThat(hw.kernel()).isNull();
        assertThat(hw.maxMemoryMiB()).isEqualTo(512);
    }

    @Test
    void aForeignRunningDomainIsDescribedFromXlListL() {
        XlDomainConfig live = XlListJsonParser.parse(Golden.read("golden/xl-list-l.json")).stream()
                .filter(d -> d.domid() != 0).findFirst().orElseThrow();
        VmHardware hw = XenHardware.of(details("pv", live.disks(), live.nics()), null, live);

        assertThat(hw.kernel()).isEqualTo("/var/lib/xen/duovirt/boot/vmlinuz");
        assertThat(hw.maxMemoryMiB()).isEqualTo(live.maxMemoryKiB() / 1024).isPositive();
        assertThat(hw.items()).filteredOn(i -> i.kind() == HardwareItem.Kind.DISK).hasSize(live.disks().size());
    }
}
