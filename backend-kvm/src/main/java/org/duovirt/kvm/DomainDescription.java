package org.duovirt.kvm;

import java.util.List;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VirtMode;

/**
 * The parts of a domain XML Duovirt shows or acts on.
 *
 * @param domainType kvm, qemu, test …
 * @param mode       KVM or QEMU, null for other domain types
 * @param nicTargets host-side device names of the NICs (vnet0), for interface statistics
 * @param nvram      path of the UEFI variable store, or null
 */
record DomainDescription(String name, String uuid, String domainType, VirtMode mode, String osType, String arch,
                         List<DiskInfo> disks, List<NicInfo> nics, List<String> nicTargets,
                         List<ConsoleInfo> consoles, List<GraphicsEndpoint> graphics, String nvram) {
    DomainDescription {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        nicTargets = List.copyOf(nicTargets);
        consoles = List.copyOf(consoles);
        graphics = List.copyOf(graphics);
    }
}
