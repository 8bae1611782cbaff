package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duovirt.core.model.DiskInfo;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** Which VMs name which disk paths, live or in their saved definition: a volume delete must name them. */
final class DiskUsers {
    private DiskUsers() {
    }

    /** Path → the VMs (sorted, once each) whose live or persistent definition uses it. */
    static Map<String, List<String>> byPath(LibvirtConnect connect) throws LibvirtException {
        Map<String, List<String>> users = new TreeMap<>();
        for (Domain domain : connect.listAllDomains(0)) {
            try {
                String name = domain.getName();
                List<String> xmls = new ArrayList<>(List.of(domain.getXMLDesc(0)));
                if (domain.isActive() == 1 && domain.isPersistent() == 1) {
                    xmls.add(domain.getXMLDesc(StorageOwnership.XML_INACTIVE));
                }
                for (String xml : xmls) {
                    for (DiskInfo disk : DomainXmlReader.read(xml).disks()) {
                        if (disk.source() != null) {
                            List<String> names = users.computeIfAbsent(disk.source(), k -> new ArrayList<>());
                            if (!names.contains(name)) {
                                names.add(name);
                            }
                        }
                    }
                }
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw e;
                }
                // Undefined while we looked: it uses nothing any more.
            } finally {
                Domains.free(domain);
            }
        }
        users.values().forEach(names -> names.sort(null));
        return users;
    }
}
