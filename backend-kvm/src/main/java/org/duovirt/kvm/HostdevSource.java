package org.duovirt.kvm;

import java.util.Locale;
import org.duovirt.core.model.HostDevice;
import org.w3c.dom.Element;

/**
 * What a VM's {@code <hostdev>} points at, in the host-device list's own words: a PCI address (0000:00:03.0), or a
 * USB device's vendor:product ids and, where the definition says, its bus.device address.
 *
 * @param bus     PCI or USB
 * @param address the PCI address, the USB address (001.004), or null for a USB device named by ids only
 * @param ids     the USB vendor:product, null for PCI
 */
record HostdevSource(HostDevice.Bus bus, String address, String ids) {
    /** The source of a {@code <hostdev mode='subsystem'>} of type pci or usb; null for any other. */
    static HostdevSource of(Element hostdev) {
        String type = Xml.attr(hostdev, "type");
        Element source = Xml.child(hostdev, "source");
        Element a = Xml.child(source, "address");
        if ("pci".equals(type) && a != null) {
            Integer domain = NodeDevice.number(Xml.attr(a, "domain"));
            Integer bus = NodeDevice.number(Xml.attr(a, "bus"));
            Integer slot = NodeDevice.number(Xml.attr(a, "slot"));
            Integer function = NodeDevice.number(Xml.attr(a, "function"));
            if (bus == null || slot == null || function == null) {
                return null;
            }
            return new HostdevSource(HostDevice.Bus.PCI, String.format(Locale.ROOT, "%04x:%02x:%02x.%x",
                    domain == null ? 0 : domain, bus, slot, function), null);
        }
        if ("usb".equals(type)) {
            String vendor = NodeDevice.hexId(Xml.attr(Xml.child(source, "vendor"), "id"));
            String product = NodeDevice.hexId(Xml.attr(Xml.child(source, "product"), "id"));
            Integer bus = a == null ? null : NodeDevice.number(Xml.attr(a, "bus"));
            Integer device = a == null ? null : NodeDevice.number(Xml.attr(a, "device"));
            String where = bus == null || device == null ? null : String.format(Locale.ROOT, "%03d.%03d", bus, device);
            return vendor == null && where == null ? null
                    : new HostdevSource(HostDevice.Bus.USB, where, vendor == null ? null : vendor + ":" + product);
        }
        return null;
    }

    /** Whether this is that host device. */
    boolean is(HostDevice d) {
        if (d.bus() != bus) {
            return false;
        }
        if (bus == HostDevice.Bus.PCI) {
            return d.address().equals(address);
        }
        return (ids == null || ids.equals(d.ids())) && (address == null || address.equals(d.address()));
    }

    /** Whether {@code word} (an address, vendor:product, a PCI address without its domain) names this source. */
    boolean answersTo(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT);
        return w.equals(address) || w.equals(ids) || bus == HostDevice.Bus.PCI && address.startsWith("0000:")
                && w.equals(address.substring(5));
    }

    /** The device XML for a host device, with the XML writer; PCI managed so libvirt binds vfio only at start. */
    static String xml(HostDevice d, boolean usbNeedsAddress) {
        XmlOut x = new XmlOut();
        x.start("hostdev").attr("mode", "subsystem").attr("type", d.bus() == HostDevice.Bus.PCI ? "pci" : "usb");
        if (d.bus() == HostDevice.Bus.PCI) {
            String[] p = d.address().split("[:.]");
            x.attr("managed", "yes").start("source").empty("address", "domain", "0x" + p[0], "bus", "0x" + p[1],
                    "slot", "0x" + p[2], "function", "0x" + p[3]).end();
        } else {
            x.start("source").empty("vendor", "id", "0x" + d.vendorId()).empty("product", "id", "0x" + d.productId());
            if (usbNeedsAddress) {
                String[] p = d.address().split("\\.");
                x.empty("address", "bus", String.valueOf(Integer.parseInt(p[0])), "device", String.valueOf(Integer.parseInt(p[1])));
            }
            x.end();
        }
        return x.end().toString();
    }
}
