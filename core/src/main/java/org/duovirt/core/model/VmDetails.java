package org.duovirt.core.model;

import java.util.List;

/**
 * Everything the details view shows about one VM.
 *
 * @param osType      hvm, xen, linux … as the hypervisor names it
 * @param mode        virtualization mode, null when it cannot be told
 * @param autostart   whether the host starts it at boot
 */
public record VmDetails(VmSummary summary, String osType, VirtMode mode, String emulatedArch,
                        boolean autostart, List<DiskInfo> disks, List<NicInfo> nics, List<ConsoleInfo> consoles) {
    public VmDetails {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        consoles = List.copyOf(consoles);
    }

    public String name() {
        return summary.name();
    }
}
