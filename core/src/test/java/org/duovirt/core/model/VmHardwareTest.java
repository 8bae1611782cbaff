package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hardware list every backend gets from its details (what the Xen backend shows today). */
class VmHardwareTest {
    @Test
    void disksNicsAndConsolesOfTheDetailsBecomeItemsWithoutBlankSettings() {
        VmDetails xen = new VmDetails(new VmSummary("pv-guest", "u", VmState.RUNNING, 3, 1, 2, 262144, 524288), "pv",
                VirtMode.PV, "x86_64", false,
                List.of(new DiskInfo("xvda", "/srv/xen/pv guest.img", "raw", "disk", false),
                        new DiskInfo("xvdc", null, null, "cdrom", true)),
                List.of(new NicInfo("00:16:3e:01:02:03", "xenbr0", null)),
                List.of(new ConsoleInfo(ConsoleInfo.Kind.PV_CONSOLE, "xl console"), new ConsoleInfo(ConsoleInfo.Kind.VNC, "127.0.0.1")));

        VmHardware hw = VmHardware.of(xen);

        assertThat(hw.items()).extracting(HardwareItem::kind).containsExactly(HardwareItem.Kind.DISK, HardwareItem.Kind.DISK,
                HardwareItem.Kind.NIC, HardwareItem.Kind.CONSOLE, HardwareItem.Kind.GRAPHICS);
        assertThat(hw.items().get(0).value("source")).isEqualTo("/srv/xen/pv guest.img");
        assertThat(hw.items().get(1).value("source")).isNull();
        assertThat(hw.items().get(1).value("readonly")).isEqualTo("yes");
        assertThat(hw.items().get(2).id()).isEqualTo("00:16:3e:01:02:03");
        assertThat(hw.items().get(2).value("network")).isEqualTo("xenbr0");
        assertThat(hw.items().get(2).value("model")).isNull();
        assertThat(hw.items()).allSatisfy(i -> assertThat(i.settings()).allSatisfy(s -> assertThat(s.value()).isNotBlank()));
        assertThat(hw.maxMemoryMiB()).isEqualTo(512);
        assertThat(hw.bootOrder()).isEmpty();
    }
}
