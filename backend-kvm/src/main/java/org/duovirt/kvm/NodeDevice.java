package org.duovirt.kvm;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * One libvirt node device as its XML (virNodeDeviceGetXMLDesc) states it: what the host-device list needs of a PCI
 * or USB device, and of the net and storage devices below them (to see which PCI device is the host's own).
 *
 * @param name      the node device name (pci_0000_00_03_0, usb_1_2, net_eth0_…, block_vda)
 * @param parent    its parent's name, or null
 * @param sysPath   its sysfs path where libvirt gives it, or null
 * @param type      the capability: pci, usb_device, net, storage, or another
 * @param address   PCI 0000:00:03.0, USB 001.004; null for the others
 * @param vendorId  four hex digits; null when not said
 * @param productId four hex digits
 * @param vendor    vendor name or null
 * @param product   product name or null
 * @param driver    bound driver or null
 * @param pciClass  the PCI class (0x060000 is a host bridge), -1 when not said
 * @param iommu     the IOMMU group, or null
 * @param net       a net device's interface name (eth0); a storage device's block device (/dev/vda)
 * @param linkUp    for a net device, whether its link is up
 */
record NodeDevice(String name, String parent, String sysPath, String type, String address, String vendorId,
        String productId, String vendor, String product, String driver, int pciClass, Integer iommu, String net,
        boolean linkUp) {

    /** Parses one node device's XML with the DOM parser. */
    static NodeDevice parse(String xml) {
        Element root = Xml.parse(xml);
        Element cap = Xml.child(root, "capability");
        String type = Xml.attr(cap, "type");
        String name = trimmed(Xml.child(root, "name"));
        String parent = trimmed(Xml.child(root, "parent"));
        String path = trimmed(Xml.child(root, "path"));
        String driver = trimmed(Xml.path(root, "driver", "name"));
        String vendorId = hexId(Xml.attr(Xml.child(cap, "vendor"), "id"));
        String productId = hexId(Xml.attr(Xml.child(cap, "product"), "id"));
        String vendor = trimmed(Xml.child(cap, "vendor"));
        String product = trimmed(Xml.child(cap, "product"));
        if (type == null) {
            type = "";
        }
        return switch (type) {
            case "pci" -> {
                Element group = Xml.child(cap, "iommuGroup");
                Integer iommu = group == null ? null : number(Xml.attr(group, "number"));
                String address = String.format(Locale.ROOT, "%04x:%02x:%02x.%x", number(cap, "domain"), number(cap, "bus"),
                        number(cap, "slot"), number(cap, "function"));
                Integer cls = number(trimmed(Xml.child(cap, "class")));
                yield new NodeDevice(name, parent, path, type, address, vendorId, productId, vendor, product, driver,
                        cls == null ? -1 : cls, iommu, null, false);
            }
            case "usb_device" -> new NodeDevice(name, parent, path, type,
                    String.format(Locale.ROOT, "%03d.%03d", number(cap, "bus"), number(cap, "device")), vendorId, productId,
                    vendor, product, driver, -1, null, null, false);
            case "net" -> new NodeDevice(name, parent, path, type, null, null, null, null, null, driver, -1, null,
                    trimmed(Xml.child(cap, "interface")), "up".equals(Xml.attr(Xml.child(cap, "link"), "state")));
            case "storage" -> new NodeDevice(name, parent, path, type, null, null, null, null, null, driver, -1, null,
                    trimmed(Xml.child(cap, "block")), false);
            default -> new NodeDevice(name, parent, path, type, null, null, null, null, null, driver, -1, null, null, false);
        };
    }

    /** vendor:product. */
    String ids() {
        return vendorId + ":" + productId;
    }

    boolean isPci() {
        return "pci".equals(type);
    }

    boolean isUsb() {
        return "usb_device".equals(type);
    }

    private static int number(Element cap, String child) {
        Integer n = number(trimmed(Xml.child(cap, child)));
        if (n == null || n < 0) {
            throw new IllegalArgumentException("node device without a " + child);
        }
        return n;
    }

    /** A decimal or 0x-hex number as libvirt writes them; null when absent or not a number. */
    static Integer number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.decode(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 0x8086 → 8086; four hex digits whatever libvirt's width; null for what is not a number. */
    static String hexId(String id) {
        Integer n = number(id);
        return n == null || n < 0 || n > 0xffff ? null : String.format(Locale.ROOT, "%04x", n);
    }

    private static String trimmed(Element e) {
        String t = e == null ? null : Xml.text(e);
        return t == null || t.isBlank() ? null : t.strip();
    }
}
