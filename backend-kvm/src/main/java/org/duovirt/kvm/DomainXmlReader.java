package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VirtMode;
import org.w3c.dom.Element;

/** Reads a domain XML (virDomainGetXMLDesc) into a {@link DomainDescription}. */
final class DomainXmlReader {
    private DomainXmlReader() {
    }

    static DomainDescription read(String xml) {
        Element root = Xml.parse(xml);
        String type = Xml.attr(root, "type");
        Element osType = Xml.path(root, "os", "type");
        Element devices = Xml.child(root, "devices");
        List<NicInfo> nics = new ArrayList<>();
        List<String> nicTargets = new ArrayList<>();
        for (Element nic : Xml.children(devices, "interface")) {
            Element source = Xml.child(nic, "source");
            String network = Xml.attr(source, "network");
            if (network == null) {
                network = Xml.attr(source, "bridge");
            }
            if (network == null) {
                network = Xml.attr(source, "dev");
            }
            nics.add(new NicInfo(Xml.attr(Xml.child(nic, "mac"), "address"), network,
                    Xml.attr(Xml.child(nic, "model"), "type")));
            String target = Xml.attr(Xml.child(nic, "target"), "dev");
            if (target != null) {
                nicTargets.add(target);
            }
        }
        List<GraphicsEndpoint> graphics = graphics(devices);
        return new DomainDescription(Xml.text(Xml.child(root, "name")), Xml.text(Xml.child(root, "uuid")), type,
                mode(type), Xml.text(osType), Xml.attr(osType, "arch"), disks(devices), nics, nicTargets,
                consoles(devices, graphics), graphics, Xml.text(Xml.path(root, "os", "nvram")));
    }

    static VirtMode mode(String domainType) {
        if ("kvm".equals(domainType)) {
            return VirtMode.KVM;
        }
        if ("qemu".equals(domainType)) {
            return VirtMode.QEMU;
        }
        return null;
    }

    private static List<DiskInfo> disks(Element devices) {
        List<DiskInfo> disks = new ArrayList<>();
        for (Element disk : Xml.children(devices, "disk")) {
            Element source = Xml.child(disk, "source");
            String path = Xml.attr(source, "file");
            if (path == null) {
                path = Xml.attr(source, "dev");
            }
            if (path == null && Xml.attr(source, "volume") != null) {
                path = Xml.attr(source, "pool") + "/" + Xml.attr(source, "volume");
            }
            if (path == null) {
                path = Xml.attr(source, "name");
            }
            String device = Xml.attr(disk, "device");
            disks.add(new DiskInfo(Xml.attr(Xml.child(disk, "target"), "dev"), path,
                    Xml.attr(Xml.child(disk, "driver"), "type"), device == null ? "disk" : device,
                    Xml.child(disk, "readonly") != null));
        }
        return disks;
    }

    private static List<ConsoleInfo> consoles(Element devices, List<GraphicsEndpoint> graphics) {
        List<ConsoleInfo> consoles = new ArrayList<>();
        for (Element console : Xml.children(devices, "console")) {
            String targetType = Xml.attr(Xml.child(console, "target"), "type");
            String path = Xml.attr(Xml.child(console, "source"), "path");
            if (path == null) {
                path = Xml.attr(console, "tty");
            }
            // the kind already says "serial"; only another target type (virtio, xen) is worth repeating
            String type = targetType == null || "serial".equals(targetType) ? null : targetType;
            String detail = type == null ? path : path == null ? type : type + " " + path;
            consoles.add(new ConsoleInfo("virtio".equals(targetType) || "xen".equals(targetType)
                    ? ConsoleInfo.Kind.PV_CONSOLE : ConsoleInfo.Kind.SERIAL, detail));
        }
        for (GraphicsEndpoint g : graphics) {
            String where = g.socketPath() != null ? g.socketPath()
                    : (g.host() == null ? "" : g.host()) + ":" + (g.port() < 0 ? "auto" : g.port());
            consoles.add(new ConsoleInfo("spice".equals(g.protocol()) ? ConsoleInfo.Kind.SPICE : ConsoleInfo.Kind.VNC, where));
        }
        return consoles;
    }

    /** VNC and SPICE displays; the port is -1 until the domain runs (autoport). */
    private static List<GraphicsEndpoint> graphics(Element devices) {
        List<GraphicsEndpoint> out = new ArrayList<>();
        for (Element g : Xml.children(devices, "graphics")) {
            String type = Xml.attr(g, "type");
            if (!"vnc".equals(type) && !"spice".equals(type)) {
                continue;
            }
            String host = Xml.attr(g, "listen");
            String socket = Xml.attr(g, "socket");
            for (Element listen : Xml.children(g, "listen")) {
                if ("socket".equals(Xml.attr(listen, "type")) && socket == null) {
                    socket = Xml.attr(listen, "socket");
                } else if (host == null && Xml.attr(listen, "address") != null) {
                    host = Xml.attr(listen, "address");
                }
            }
            int port = Xml.intAttr(g, "port", -1);
            if (port <= 0) {
                port = -1;
            }
            out.add(new GraphicsEndpoint(type, host, port, socket, Xml.attr(g, "passwd")));
        }
        return out;
    }
}
