package org.duovirt.core.model;

import java.util.List;
import java.util.Locale;

/**
 * A PCI or USB device of the host that a VM may be given ({@code <hostdev>}), as the host's device list names it.
 *
 * @param name       the hypervisor's name for it (libvirt: the node device name, pci_0000_00_03_0)
 * @param bus        PCI or USB
 * @param address    PCI: domain:bus:slot.function (0000:00:03.0); USB: bus.device (001.004)
 * @param vendorId   four hex digits, no 0x (8086)
 * @param productId  four hex digits, no 0x
 * @param vendor     the vendor's name where the host knows it, else null
 * @param product    the product's name where the host knows it, else null
 * @param driver     the host driver bound to it, or null
 * @param iommuGroup the PCI device's IOMMU group, or null (USB, or no IOMMU)
 * @param refused    why it must not be given to a VM (the host's own boot disk, bridge, only NIC …), or null
 * @param usedBy     the VMs whose definition (saved or running) has it already
 */
public record HostDevice(String name, Bus bus, String address, String vendorId, String productId, String vendor,
        String product, String driver, Integer iommuGroup, String refused, List<String> usedBy) {
    /** Where the device sits. */
    public enum Bus { PCI, USB }

    public HostDevice {
        usedBy = List.copyOf(usedBy);
    }

    /** vendor:product, the way lspci -nn and lsusb print it (8086:0c0c). */
    public String ids() {
        return vendorId + ":" + productId;
    }

    /** Whether a VM may be given it. */
    public boolean allowed() {
        return refused == null;
    }

    /** "PCI 0000:00:03.0 Red Hat, Inc. Virtio 1.0 network device (1af4:1041)". */
    public String describe() {
        StringBuilder s = new StringBuilder(bus.name()).append(' ').append(address);
        if (vendor != null) {
            s.append(' ').append(vendor);
        }
        if (product != null) {
            s.append(' ').append(product);
        }
        return s.append(" (").append(ids()).append(')').toString();
    }

    /** The same device copied with other users. */
    public HostDevice withUsers(List<String> users) {
        return new HostDevice(name, bus, address, vendorId, productId, vendor, product, driver, iommuGroup, refused, users);
    }

    /**
     * Whether {@code word} names this device: its host name, its address (a PCI address also without its domain,
     * 00:03.0) or, for USB, its vendor:product ids.
     */
    public boolean answersTo(String word) {
        if (word == null) {
            return false;
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.equals(name.toLowerCase(Locale.ROOT)) || w.equals(address)) {
            return true;
        }
        return bus == Bus.PCI ? address.startsWith("0000:") && w.equals(address.substring(5)) : w.equals(ids());
    }
}
