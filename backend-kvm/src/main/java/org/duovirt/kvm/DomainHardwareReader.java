package org.duovirt.kvm;

import static org.duovirt.core.model.VmHardware.settings;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.HardwareItem.Kind;
import org.duovirt.core.model.VmHardware;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a domain XML into the details' hardware list: one item per device libvirt defines, with the settings
 * virt-manager shows on that device's page. A graphics password is reported as "set" when the XML shows one, never its value.
 */
final class DomainHardwareReader {
    private DomainHardwareReader() {
    }

    /** One XML for everything (a shut-off VM's). */
    static VmHardware read(String xml) {
        return read(xml, xml);
    }

    /** Devices from {@code liveXml}; boot, CPU and memory settings from the saved {@code inactiveXml}. */
    static VmHardware read(String liveXml, String inactiveXml) {
        Element root = Xml.parse(inactiveXml);
        Element live = liveXml.equals(inactiveXml) ? root : Xml.parse(liveXml);
        Element os = Xml.child(root, "os");
        List<BootDevice> boot = new ArrayList<>();
        for (Element b : Xml.children(os, "boot")) {
            try {
                boot.addAll(BootDevice.parseOrder(Xml.attr(b, "dev")));
            } catch (IllegalArgumentException e) {
                // A device word this version does not know is left out of the editable order.
            }
        }
        Element cpu = Xml.child(root, "cpu");
        Element topo = Xml.child(cpu, "topology");
        String topology = topo == null ? null
                : Xml.attr(topo, "sockets") + " × " + Xml.attr(topo, "cores") + " × " + Xml.attr(topo, "threads");
        String model = Xml.text(Xml.child(cpu, "model"));
        String cpuModel = model != null && !model.isEmpty() ? model : Xml.attr(cpu, "mode");
        List<HardwareItem> items = new ArrayList<>();
        Element devices = Xml.child(live, "devices");
        int index = 0;
        for (Node n = devices == null ? null : devices.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                HardwareItem item = item(e, index++);
                if (item != null) {
                    items.add(item);
                }
            }
        }
        return new VmHardware(items, boot, Xml.text(Xml.child(os, "kernel")), Xml.text(Xml.child(os, "initrd")),
                Xml.text(Xml.child(os, "cmdline")), cpuModel, topology, Xml.kib(Xml.child(root, "memory"), 0) / 1024);
    }

    private static HardwareItem item(Element e, int index) {
        return switch (e.getTagName()) {
            case "disk" -> disk(e);
            case "interface" -> nic(e);
            case "graphics" -> new HardwareItem(Kind.GRAPHICS, "graphics" + index, settings("type", Xml.attr(e, "type"),
                    "listen", listen(e), "port", "-1".equals(Xml.attr(e, "port")) ? null : Xml.attr(e, "port"),
                    "autoport", Xml.attr(e, "autoport"), "socket", Xml.attr(e, "socket"),
                    // libvirt leaves passwd out unless asked for secure XML, so only its presence is ever told.
                    "password", Xml.attr(e, "passwd") != null ? "set" : null,
                    "keymap", Xml.attr(e, "keymap")));
            case "serial", "console", "channel" -> chardev(e, index);
            case "video" -> new HardwareItem(Kind.VIDEO, "video" + index, settings("model", Xml.attr(Xml.child(e, "model"), "type"),
                    "vram", Xml.attr(Xml.child(e, "model"), "vram"), "heads", Xml.attr(Xml.child(e, "model"), "heads")));
            case "sound" -> new HardwareItem(Kind.SOUND, "sound" + index, settings("model", Xml.attr(e, "model")));
            case "rng" -> new HardwareItem(Kind.RNG, "rng" + index, settings("model", Xml.attr(e, "model"),
                    "backend", Xml.attr(Xml.child(e, "backend"), "model"), "source", Xml.text(Xml.child(e, "backend"))));
            case "tpm" -> new HardwareItem(Kind.TPM, "tpm" + index, settings("model", Xml.attr(e, "model"),
                    "backend", Xml.attr(Xml.child(e, "backend"), "type"), "version", Xml.attr(Xml.child(e, "backend"), "version"),
                    "path", Xml.attr(Xml.child(Xml.child(e, "backend"), "device"), "path")));
            case "hostdev" -> hostdev(e, index);
            case "input" -> new HardwareItem(Kind.INPUT, "input" + index, settings("type", Xml.attr(e, "type"), "bus", Xml.attr(e, "bus")));
            case "controller" -> new HardwareItem(Kind.CONTROLLER, "controller" + index, settings("type", Xml.attr(e, "type"),
                    "model", Xml.attr(e, "model"), "index", Xml.attr(e, "index")));
            case "emulator" -> null;
            default -> new HardwareItem(Kind.OTHER, e.getTagName() + index, settings("element", e.getTagName(),
                    "type", Xml.attr(e, "type"), "model", Xml.attr(e, "model")));
        };
    }

    private static HardwareItem disk(Element e) {
        Element source = Xml.child(e, "source");
        String path = first(Xml.attr(source, "file"), Xml.attr(source, "dev"), Xml.attr(source, "name"),
                Xml.attr(source, "volume") == null ? null : Xml.attr(source, "pool") + "/" + Xml.attr(source, "volume"));
        Element target = Xml.child(e, "target");
        Element driver = Xml.child(e, "driver");
        String device = first(Xml.attr(e, "device"), "disk");
        return new HardwareItem(Kind.DISK, Xml.attr(target, "dev"), settings("device", device, "source", path,
                "format", Xml.attr(driver, "type"), "bus", Xml.attr(target, "bus"), "target", Xml.attr(target, "dev"),
                "cache", Xml.attr(driver, "cache"), "io", Xml.attr(driver, "io"),
                "readonly", Xml.child(e, "readonly") != null ? "yes" : null, "serial", Xml.text(Xml.child(e, "serial"))));
    }

    private static HardwareItem nic(Element e) {
        Element source = Xml.child(e, "source");
        String mac = Xml.attr(Xml.child(e, "mac"), "address");
        return new HardwareItem(Kind.NIC, mac, settings("type", Xml.attr(e, "type"), "mac", mac,
                "network", first(Xml.attr(source, "network"), Xml.attr(source, "bridge"), Xml.attr(source, "dev")),
                "model", Xml.attr(Xml.child(e, "model"), "type"), "link", Xml.attr(Xml.child(e, "link"), "state"),
                "device", Xml.attr(Xml.child(e, "target"), "dev")));
    }

    private static HardwareItem chardev(Element e, int index) {
        Element target = Xml.child(e, "target");
        String path = first(Xml.attr(Xml.child(e, "source"), "path"), Xml.attr(e, "tty"));
        Kind kind = "console".equals(e.getTagName()) ? Kind.CONSOLE : "serial".equals(e.getTagName()) ? Kind.SERIAL : Kind.OTHER;
        return new HardwareItem(kind, e.getTagName() + index, settings("element", kind == Kind.OTHER ? e.getTagName() : null,
                "type", Xml.attr(e, "type"), "target", first(Xml.attr(target, "type"), Xml.attr(target, "name")),
                "port", Xml.attr(target, "port"), "path", path));
    }

    private static HardwareItem hostdev(Element e, int index) {
        String type = Xml.attr(e, "type");
        Element source = Xml.child(e, "source");
        Element address = Xml.child(source, "address");
        String where = address == null ? null : String.join(":", nonNull(Xml.attr(address, "domain"), Xml.attr(address, "bus"),
                Xml.attr(address, "slot"), Xml.attr(address, "function"), Xml.attr(address, "device")));
        // The host-device list's own words for it (0000:00:03.0, 046d:c52b): what a page shows and detach takes.
        HostdevSource host = HostdevSource.of(e);
        String hostdev = host == null ? null : host.ids() != null ? host.ids() : host.address();
        return new HardwareItem("usb".equals(type) ? Kind.USB_HOST : Kind.PCI_HOST, "hostdev" + index, settings("hostdev", hostdev,
                "type", type,
                "vendor", Xml.attr(Xml.child(source, "vendor"), "id"), "product", Xml.attr(Xml.child(source, "product"), "id"),
                "address", where, "managed", Xml.attr(e, "managed")));
    }

    private static String listen(Element g) {
        String listen = Xml.attr(g, "listen");
        for (Element l : Xml.children(g, "listen")) {
            listen = first(listen, Xml.attr(l, "address"), Xml.attr(l, "socket"), Xml.attr(l, "network"));
        }
        return listen;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
    }
}
