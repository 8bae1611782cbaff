package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.w3c.dom.Element;

/** libvirt network XML: written from a {@link NetworkSpec} with the XML writer, and read back for listings. */
final class NetworkXml {
    private NetworkXml() {
    }

    static String write(NetworkSpec spec) {
        XmlOut x = new XmlOut();
        x.start("network");
        x.textElement("name", spec.name());
        if (spec.mode() != NetworkSpec.Mode.ISOLATED) {
            x.empty("forward", "mode", spec.mode().word());
        }
        x.start("ip").attr("address", spec.address()).attr("prefix", Integer.toString(spec.prefix()));
        if (spec.dhcpStart() != null) {
            x.start("dhcp").empty("range", "start", spec.dhcpStart(), "end", spec.dhcpEnd()).end();
        }
        x.end();
        x.end();
        return x.toString();
    }

    /** The listing of one network from its XML and state. */
    static NetworkInfo read(String xml, boolean active, boolean autostart, boolean persistent, List<String> vms) {
        Element root = Xml.parse(xml);
        Element forward = Xml.child(root, "forward");
        String mode = forward == null ? "isolated" : orDefault(Xml.attr(forward, "mode"), "nat");
        String address = null;
        String range = null;
        for (Element ip : Xml.children(root, "ip")) {
            String family = Xml.attr(ip, "family");
            if (family != null && !family.equals("ipv4")) {
                continue;
            }
            String prefix = Xml.attr(ip, "prefix");
            if (prefix == null && Xml.attr(ip, "netmask") != null) {
                prefix = Integer.toString(prefixOf(Xml.attr(ip, "netmask")));
            }
            address = Xml.attr(ip, "address") + (prefix == null ? "" : "/" + prefix);
            Element r = Xml.path(ip, "dhcp", "range");
            if (r != null) {
                range = Xml.attr(r, "start") + " - " + Xml.attr(r, "end");
            }
            break;
        }
        Element bridge = Xml.child(root, "bridge");
        return new NetworkInfo(Xml.text(Xml.child(root, "name")), active, autostart, persistent, mode,
                bridge == null ? null : Xml.attr(bridge, "name"), address, range, vms);
    }

    private static int prefixOf(String netmask) {
        int bits = 0;
        for (String part : netmask.split("\\.")) {
            bits += Integer.bitCount(Integer.parseInt(part));
        }
        return bits;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The networks named by a domain's NICs ({@code <interface type='network'><source network=…>}). */
    static List<String> networksOf(String domainXml) {
        List<String> out = new ArrayList<>();
        Element devices = Xml.child(Xml.parse(domainXml), "devices");
        for (Element nic : Xml.children(devices, "interface")) {
            String network = Xml.attr(Xml.child(nic, "source"), "network");
            if (network != null) {
                out.add(network);
            }
        }
        return out;
    }
}
