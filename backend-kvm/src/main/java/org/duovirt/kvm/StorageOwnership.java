package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.StorageItem;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decides which of a VM's disks it owns, i.e. which a delete with storage may remove: a volume in a
 * libvirt pool, writable, not removable media, used by no other VM, and (for VMs Duovirt created)
 * named in the domain's Duovirt metadata as made for it. Everything else is listed with the reason.
 */
final class StorageOwnership {
    static final int XML_INACTIVE = 2;
    private final Domains domains;

    StorageOwnership(Domains domains) {
        this.domains = domains;
    }

    List<StorageItem> storage(String vm) {
        return domains.with(vm, "Reading the storage of VM '" + vm + "'", this::storage);
    }

    List<StorageItem> storage(Domain domain) throws LibvirtException {
        String name = domain.getName();
        String xml = domain.getXMLDesc(domain.isPersistent() == 1 ? XML_INACTIVE : 0);
        DomainDescription description = DomainXmlReader.read(xml);
        Set<String> createdHere = ownedDiskMetadata(xml);
        Map<String, String> otherUsers = otherUsers(name);
        List<StorageItem> items = new ArrayList<>();
        for (DiskInfo disk : description.disks()) {
            if (disk.source() == null) {
                continue;
            }
            long capacity = 0;
            boolean inPool = false;
            try {
                StorageVol volume = domains.connect().storageVolLookupByPath(disk.source());
                capacity = volume.getInfo().capacity;
                inPool = true;
                Domains.freeVolume(volume);
            } catch (LibvirtException e) {
                // Not a volume of any pool: libvirt cannot delete it, so it is not offered.
            }
            String reason = reason(disk, inPool, otherUsers.get(disk.source()), createdHere);
            items.add(new StorageItem(disk.target(), disk.source(), capacity, reason == null, reason));
        }
        return items;
    }

    private static String reason(DiskInfo disk, boolean inPool, String otherUser, Set<String> createdHere) {
        boolean madeHere = createdHere != null && createdHere.contains(disk.source());
        if (madeHere && "cdrom".equals(disk.device())) {
            // A cloud-init seed Duovirt built for this VM: media, but its own.
            return otherUser != null ? "VM '" + otherUser + "' uses it too" : inPool ? null : "it is not in a storage pool libvirt manages";
        }
        if (!"disk".equals(disk.device())) {
            return "it is removable media (" + disk.device() + "), e.g. an installer image";
        }
        if (disk.readOnly()) {
            return "it is attached read-only";
        }
        if (otherUser != null) {
            return "VM '" + otherUser + "' uses it too";
        }
        if (createdHere != null && !createdHere.contains(disk.source())) {
            return "it was imported, not created for this VM";
        }
        if (!inPool) {
            return "it is not in a storage pool libvirt manages";
        }
        return null;
    }

    /** Paths Duovirt recorded as created for the VM; null when Duovirt did not create it (no metadata). */
    static Set<String> ownedDiskMetadata(String xml) {
        Element metadata = Xml.child(Xml.parse(xml), "metadata");
        if (metadata == null) {
            return null;
        }
        for (Node n = metadata.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element vm && DomainXmlWriter.METADATA_NS.equals(namespace(vm))) {
                Set<String> paths = new HashSet<>();
                for (Node m = vm.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element e && e.getTagName().endsWith("owned-disk")) {
                        paths.add(Xml.attr(e, "path"));
                    }
                }
                return paths;
            }
        }
        return null;
    }

    /** The namespace an element declares for its own prefix (the parser is not namespace-aware). */
    private static String namespace(Element e) {
        String tag = e.getTagName();
        int colon = tag.indexOf(':');
        return Xml.attr(e, colon < 0 ? "xmlns" : "xmlns:" + tag.substring(0, colon));
    }

    /** Disk path → the name of another VM using it. */
    private Map<String, String> otherUsers(String self) throws LibvirtException {
        Map<String, String> users = new HashMap<>();
        for (Domain other : domains.connect().listAllDomains(0)) {
            try {
                String name = other.getName();
                if (!name.equals(self)) {
                    for (DiskInfo disk : DomainXmlReader.read(other.getXMLDesc(0)).disks()) {
                        if (disk.source() != null) {
                            users.putIfAbsent(disk.source(), name);
                        }
                    }
                }
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw e;
                }
            } finally {
                Domains.free(other);
            }
        }
        return users;
    }
}
