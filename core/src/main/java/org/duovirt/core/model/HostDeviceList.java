package org.duovirt.core.model;

import java.util.List;
import org.duovirt.core.error.InvalidSpecException;

/**
 * The host's PCI and USB devices a VM may be given, and whether the host has an IOMMU: without one a PCI device can
 * go into a VM's definition, but the VM will not start with it (VFIO needs IOMMU groups).
 *
 * @param devices the devices, PCI first, each in address order
 * @param iommu   whether the host has IOMMU groups (Linux: entries under /sys/kernel/iommu_groups)
 */
public record HostDeviceList(List<HostDevice> devices, boolean iommu) {
    /** The sentence the list and the CLI show when the host has no IOMMU. */
    public static final String NO_IOMMU = "This host has no IOMMU (no /sys/kernel/iommu_groups entries): a PCI device "
            + "can be added to a VM's definition, but the VM will not start with it.";

    public HostDeviceList {
        devices = List.copyOf(devices);
    }

    /** Only the devices on that bus (null: all). */
    public HostDeviceList on(HostDevice.Bus bus) {
        return bus == null ? this : new HostDeviceList(devices.stream().filter(d -> d.bus() == bus).toList(), iommu);
    }

    /** The one device {@code word} names (see {@link HostDevice#answersTo}); none or several is a one-sentence error. */
    public HostDevice find(String word) {
        List<HostDevice> match = devices.stream().filter(d -> d.answersTo(word)).toList();
        if (match.isEmpty()) {
            throw new InvalidSpecException("The host has no PCI or USB device '" + DeviceInputs.printable(word)
                    + "': use a name or address from `duovirt nodedevs`.");
        }
        if (match.size() > 1) {
            throw new InvalidSpecException("'" + DeviceInputs.printable(word) + "' names " + match.size()
                    + " host devices (" + String.join(", ", match.stream().map(HostDevice::name).toList())
                    + "): use one of those names.");
        }
        return match.get(0);
    }
}
