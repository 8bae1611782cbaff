package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmHardware;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.parse.XlDomainConfig;

/**
 * A Xen VM's hardware list: the devices its details carry, completed from the owned xl cfg (what the user asked
 * for) or, for a foreign running domain, from {@code xl list -l}: kernel, ramdisk, arguments, bootloader, the
 * HVM boot order and the maximum memory.
 */
final class XenHardware {
    private XenHardware() {
    }

    static VmHardware of(VmDetails details, XlConfig cfg, XlDomainConfig live) {
        VmHardware base = VmHardware.of(details);
        String kernel = cfg != null ? cfg.kernel() : live == null ? null : live.kernel();
        String ramdisk = cfg != null ? cfg.ramdisk() : live == null ? null : live.ramdisk();
        String cmdline = cfg != null ? cfg.cmdline() : live == null ? null : live.cmdline();
        String bootloader = cfg != null ? cfg.bootloader() : live == null ? null : live.bootloader();
        long maxMiB = cfg != null ? cfg.maxMemoryMiB() : live != null && live.maxMemoryKiB() > 0 ? live.maxMemoryKiB() / 1024
                : base.maxMemoryMiB();
        // xl's boot= applies to HVM only ("dc": CD-ROM, then disk); PV and PVH boot their kernel or bootloader.
        List<BootDevice> boot = !"hvm".equals(details.osType()) ? List.of()
                : cfg != null && cfg.isoBoot() ? List.of(BootDevice.CDROM, BootDevice.HD) : List.of(BootDevice.HD);
        List<HardwareItem> items = new ArrayList<>(base.items());
        if (bootloader != null && !bootloader.isBlank()) {
            items.add(new HardwareItem(HardwareItem.Kind.OTHER, "bootloader", VmHardware.settings("element", "bootloader",
                    "path", bootloader)));
        }
        return new VmHardware(items, boot, blankToNull(kernel), blankToNull(ramdisk), blankToNull(cmdline), null, null, maxMiB);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
