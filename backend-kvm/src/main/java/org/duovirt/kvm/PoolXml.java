package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolTypeSupport;
import org.w3c.dom.Element;

/** libvirt storage pool XML written from a {@link PoolSpec} with the XML writer, and its capabilities read. */
final class PoolXml {
    private PoolXml() {
    }

    static String write(PoolSpec spec) {
        XmlOut x = new XmlOut();
        x.start("pool").attr("type", spec.type().word());
        x.textElement("name", spec.name());
        switch (spec.type()) {
            case FS -> x.start("source").empty("device", "path", spec.source()).end();
            case NETFS -> x.start("source").empty("host", "name", spec.sourceHost()).empty("dir", "path", spec.source())
                    .empty("format", "type", "nfs").end();
            case LOGICAL -> x.start("source").textElement("name", spec.source()).empty("format", "type", "lvm2").end();
            case DIR -> { }
        }
        String target = spec.target();
        if (target == null && spec.type() == PoolSpec.Type.LOGICAL) {
            target = "/dev/" + spec.source();
        }
        x.start("target").textElement("path", target).end();
        x.end();
        return x.toString();
    }

    /**
     * The four types Duovirt defines, each as libvirt's {@code <storagepoolCapabilities>} reports it; a type the
     * document does not list is unsupported (its backend is not compiled in).
     */
    static List<PoolTypeSupport> types(String capabilities, String host) {
        Element root = Xml.parse(capabilities);
        List<PoolTypeSupport> out = new ArrayList<>();
        for (PoolSpec.Type type : PoolSpec.Type.values()) {
            String supported = null;
            for (Element pool : Xml.children(root, "pool")) {
                if (type.word().equals(Xml.attr(pool, "type"))) {
                    supported = Xml.attr(pool, "supported");
                }
            }
            boolean yes = "yes".equals(supported);
            out.add(new PoolTypeSupport(type, yes, yes ? null
                    : "libvirt on " + host + " was built without the '" + type.word() + "' storage backend."));
        }
        return out;
    }
}
