package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Clones a shut-off VM: copies of the disks it owns (volume clone in the same pool), shared and
 * read-only disks kept shared, a new name, a new UUID and new MAC addresses (libvirt assigns both when
 * they are left out). The definition is edited as a DOM and written by the JDK's serializer.
 */
final class VmCloner {
    private static final int XML_INACTIVE = 2;
    private final Domains domains;
    private final StorageOwnership ownership;

    VmCloner(Domains domains, StorageOwnership ownership) {
        this.domains = domains;
        this.ownership = ownership;
    }

    VmSummary cloneVm(String vm, String newName, ProgressListener progress) {
        return cloneVm(vm, newName, Map.of(), progress);
    }

    /**
     * @param choices per guest device name; a disk not named is copied when the VM owns it and shared otherwise
     */
    VmSummary cloneVm(String vm, String newName, Map<String, CloneDisk> choices, ProgressListener progress) {
        String nameProblem = VmSpecValidator.nameProblem(newName);
        if (nameProblem != null) {
            throw new InvalidSpecException(nameProblem);
        }
        if (domains.exists(newName)) {
            throw new InvalidSpecException("A VM named '" + newName + "' already exists on " + domains.uri() + ".");
        }
        String what = "Cloning VM '" + vm + "' as '" + newName + "'";
        List<StorageVol> made = new ArrayList<>();
        Domain[] defined = new Domain[1];
        try {
            return domains.with(vm, what, source -> {
                if (source.isActive() == 1) {
                    throw new DuovirtException("VM '" + vm + "' is running; only a shut-off VM can be cloned.",
                            "Shut it down first.");
                }
                Map<String, String> newPaths = new HashMap<>();
                List<StorageItem> items = ownership.storage(source);
                checkChoices(vm, choices, items, DeviceXml.targets(source.getXMLDesc(XML_INACTIVE)));
                List<StorageItem> toCopy = items.stream().filter(i -> choices.getOrDefault(i.target(),
                        i.owned() ? CloneDisk.COPY : CloneDisk.SHARE) == CloneDisk.COPY).toList();
                for (int i = 0; i < toCopy.size(); i++) {
                    cancelPoint(progress, what);
                    progress.progress("Copying disk " + toCopy.get(i).target(), (double) i / (toCopy.size() + 1));
                    StorageVol copy = copyVolume(toCopy.get(i).path(), newName);
                    made.add(copy);
                    newPaths.put(toCopy.get(i).path(), copy.getPath());
                }
                cancelPoint(progress, what);
                progress.progress("Defining the clone", 0.9);
                Set<String> skipped = new java.util.HashSet<>();
                choices.forEach((target, choice) -> {
                    if (choice == CloneDisk.SKIP) {
                        skipped.add(target);
                    }
                });
                defined[0] = domains.connect().domainDefineXML(rewrite(source.getXMLDesc(XML_INACTIVE), newName, newPaths, skipped));
                VmSummary summary = domains.summary(defined[0]);
                progress.progress("Cloned", 1.0);
                return summary;
            });
        } catch (RuntimeException e) {
            undo(defined[0], made);
            throw e;
        }
    }

    private static void cancelPoint(ProgressListener progress, String what) {
        if (progress.isCancelled()) {
            throw new DuovirtException(what + " was cancelled; nothing was kept.", (String) null);
        }
    }

    /** Every disk a choice names exists, and one to copy has storage. */
    private static void checkChoices(String vm, Map<String, CloneDisk> choices, List<StorageItem> items, Set<String> targets) {
        for (Map.Entry<String, CloneDisk> choice : choices.entrySet()) {
            if (!targets.contains(choice.getKey())) {
                throw new InvalidSpecException("VM '" + vm + "' has no disk " + choice.getKey() + ".");
            }
            if (choice.getValue() == CloneDisk.COPY && items.stream().noneMatch(i -> choice.getKey().equals(i.target()))) {
                throw new InvalidSpecException("Disk " + choice.getKey() + " of VM '" + vm + "' is empty; there is nothing to copy.");
            }
        }
    }

    private StorageVol copyVolume(String path, String newName) throws LibvirtException {
        StorageVol source;
        try {
            source = domains.connect().storageVolLookupByPath(path);
        } catch (LibvirtException e) {
            // libvirt copies volumes of its pools, not loose files.
            throw new InvalidSpecException("The disk " + path + " is not in a storage pool, so it cannot be copied; share or skip it.");
        }
        StoragePool pool = source.storagePoolLookupByVolume();
        Element volume = Xml.parse(source.getXMLDesc(0));
        String format = Xml.attr(Xml.path(volume, "target", "format"), "type");
        XmlOut x = new XmlOut();
        x.start("volume");
        x.textElement("name", StoragePools.uniqueName(pool, StoragePools.fileStem(newName), format == null ? "img" : format));
        x.textElement("capacity", Long.toString(source.getInfo().capacity), "unit", "bytes");
        if (format != null) {
            x.start("target").empty("format", "type", format).end();
        }
        x.end();
        return pool.storageVolCreateXMLFrom(x.toString(), source, 0);
    }

    /** The source's definition with the new name and disk paths, without UUID, MACs, NVRAM path and live ids. */
    static String rewrite(String xml, String newName, Map<String, String> newPaths) {
        return rewrite(xml, newName, newPaths, Set.of());
    }

    /** As above, with the disks of the {@code skipped} guest device names left out of the clone. */
    static String rewrite(String xml, String newName, Map<String, String> newPaths, Set<String> skipped) {
        Element root = Xml.parse(xml);
        root.removeAttribute("id");
        Xml.child(root, "name").setTextContent(newName);
        remove(Xml.child(root, "uuid"));
        remove(Xml.path(root, "os", "nvram"));
        Element devices = Xml.child(root, "devices");
        for (Element nic : Xml.children(devices, "interface")) {
            remove(Xml.child(nic, "mac"));
            remove(Xml.child(nic, "target"));
        }
        for (Element disk : Xml.children(devices, "disk")) {
            if (skipped.contains(Xml.attr(Xml.child(disk, "target"), "dev"))) {
                remove(disk);
                continue;
            }
            Element source = Xml.child(disk, "source");
            String path = Xml.attr(source, "file");
            if (path != null && newPaths.containsKey(path)) {
                source.setAttribute("file", newPaths.get(path));
            }
        }
        Element metadata = Xml.child(root, "metadata");
        for (Node n = metadata == null ? null : metadata.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element vm) {
                // Duovirt's own record of the disks made for the VM now names the copies.
                for (Node m = vm.getFirstChild(); m != null; ) {
                    Node next = m.getNextSibling();
                    if (m instanceof Element owned && owned.getTagName().endsWith("owned-disk")) {
                        String path = Xml.attr(owned, "path");
                        if (newPaths.containsKey(path)) {
                            owned.setAttribute("path", newPaths.get(path));
                        } else {
                            remove(owned);
                        }
                    }
                    m = next;
                }
            }
        }
        return serialize(root);
    }

    private static void remove(Element element) {
        Xml.remove(element);
    }

    private static String serialize(Element root) {
        return Xml.serialize(root);
    }

    private static void undo(Domain defined, List<StorageVol> made) {
        if (defined != null) {
            try {
                defined.undefine();
            } catch (LibvirtException ignored) {
                // Best effort; the original error is what the user sees.
            }
        }
        for (StorageVol volume : made) {
            try {
                volume.delete(0);
            } catch (LibvirtException ignored) {
                // Best effort, as above.
            }
        }
    }
}
