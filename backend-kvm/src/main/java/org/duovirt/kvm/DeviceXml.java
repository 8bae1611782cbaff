package org.duovirt.kvm;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NicAttachment;
import org.w3c.dom.Element;

/** Device XML for hot-plug, written with the XML writer from checked input, and device lookups in domain XML. */
final class DeviceXml {
    static final List<String> DISK_BUSES = List.of("virtio", "sata", "scsi", "ide", "usb");

    private DeviceXml() {
    }

    /** The bus a new disk gets: virtio for disks, sata for CD-ROMs (QEMU cannot hot-plug IDE or SATA). */
    static String bus(DiskAttachment disk) {
        String bus = disk.bus() == null || disk.bus().isBlank() ? (disk.cdrom() ? "sata" : "virtio")
                : disk.bus().strip().toLowerCase(Locale.ROOT);
        if (!DISK_BUSES.contains(bus)) {
            throw new InvalidSpecException("The bus '" + DeviceInputs.printable(bus) + "' is not one of "
                    + String.join(", ", DISK_BUSES) + ".");
        }
        return bus;
    }

    /** vd for virtio, hd for ide, sd for the rest, as libvirt and the guest kernel name them. */
    static String prefix(String bus) {
        return switch (bus) {
            case "virtio" -> "vd";
            case "ide" -> "hd";
            default -> "sd";
        };
    }

    /** The first free name with the bus's prefix: vda, vdb … vdz, vdaa … */
    static String nextTarget(String bus, Set<String> taken) {
        String prefix = prefix(bus);
        for (int i = 0; i < 26 * 27; i++) {
            String suffix = i < 26 ? String.valueOf((char) ('a' + i))
                    : String.valueOf((char) ('a' + i / 26 - 1)) + (char) ('a' + i % 26);
            if (!taken.contains(prefix + suffix)) {
                return prefix + suffix;
            }
        }
        throw new InvalidSpecException("The VM has no free " + prefix + "* device name left.");
    }

    static String disk(DiskAttachment disk, String bus, String target, String format) {
        XmlOut x = new XmlOut();
        boolean block = disk.source() != null && disk.source().startsWith("/dev/");
        x.start("disk").attr("type", block ? "block" : "file").attr("device", disk.cdrom() ? "cdrom" : "disk");
        x.empty("driver", "name", "qemu", "type", format);
        if (disk.source() != null) {
            x.empty("source", block ? "dev" : "file", disk.source());
        }
        x.empty("target", "dev", target, "bus", bus);
        if (disk.cdrom() || disk.readOnly()) {
            x.empty("readonly");
        }
        x.end();
        return x.toString();
    }

    static String nic(NicAttachment nic) {
        XmlOut x = new XmlOut();
        boolean bridge = nic.bridge() != null && !nic.bridge().isBlank();
        x.start("interface").attr("type", bridge ? "bridge" : "network");
        x.empty("source", bridge ? "bridge" : "network", bridge ? nic.bridge() : nic.network());
        if (nic.mac() != null) {
            x.empty("mac", "address", nic.mac().toLowerCase(Locale.ROOT));
        }
        x.empty("model", "type", nic.model() == null || nic.model().isBlank() ? "virtio" : nic.model());
        x.end();
        return x.toString();
    }

    /** Guest device names in use by the disks of a domain XML. */
    static Set<String> targets(String domainXml) {
        Set<String> out = new HashSet<>();
        for (Element disk : Xml.children(Xml.child(Xml.parse(domainXml), "devices"), "disk")) {
            String dev = Xml.attr(Xml.child(disk, "target"), "dev");
            if (dev != null) {
                out.add(dev);
            }
        }
        return out;
    }

    /** The disk element with that guest device name, or null. */
    static Element diskByTarget(Element domain, String target) {
        for (Element disk : Xml.children(Xml.child(domain, "devices"), "disk")) {
            if (target.equals(Xml.attr(Xml.child(disk, "target"), "dev"))) {
                return disk;
            }
        }
        return null;
    }

    /** The interface element with that MAC address (any case), or null. */
    static Element nicByMac(Element domain, String mac) {
        for (Element nic : Xml.children(Xml.child(domain, "devices"), "interface")) {
            String address = Xml.attr(Xml.child(nic, "mac"), "address");
            if (address != null && address.equalsIgnoreCase(mac)) {
                return nic;
            }
        }
        return null;
    }

    static Set<String> macs(String domainXml) {
        Set<String> out = new HashSet<>();
        for (Element nic : Xml.children(Xml.child(Xml.parse(domainXml), "devices"), "interface")) {
            String address = Xml.attr(Xml.child(nic, "mac"), "address");
            if (address != null) {
                out.add(address.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
