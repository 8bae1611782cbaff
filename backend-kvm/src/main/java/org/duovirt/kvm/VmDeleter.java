package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.StorageItem;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/** Deletes a shut-off VM: its definition with managed-save, snapshot metadata and NVRAM, and on request its owned volumes. */
final class VmDeleter {
    private static final int UNDEFINE_MANAGED_SAVE = 1;
    private static final int UNDEFINE_SNAPSHOTS_METADATA = 2;
    private static final int UNDEFINE_NVRAM = 4;

    private final Domains domains;
    private final StorageOwnership ownership;

    VmDeleter(Domains domains, StorageOwnership ownership) {
        this.domains = domains;
        this.ownership = ownership;
    }

    void delete(String vm, boolean withStorage) {
        List<String> owned = new ArrayList<>();
        domains.run(vm, "Deleting VM '" + vm + "'", d -> {
            if (d.isActive() == 1) {
                throw new DuovirtException("VM '" + vm + "' is running; only a shut-off VM can be deleted.",
                        "Shut it down or force it off first.");
            }
            if (withStorage) {
                for (StorageItem item : ownership.storage(d)) {
                    if (item.owned()) {
                        owned.add(item.path());
                    }
                }
            }
            int flags = UNDEFINE_MANAGED_SAVE | UNDEFINE_SNAPSHOTS_METADATA;
            if (usesNvram(d.getXMLDesc(StorageOwnership.XML_INACTIVE))) {
                // Only then: drivers without UEFI (the test driver) refuse the flag.
                flags |= UNDEFINE_NVRAM;
            }
            d.undefine(flags);
        });
        removeVolumes(vm, owned);
    }

    private static boolean usesNvram(String xml) {
        org.w3c.dom.Element os = Xml.child(Xml.parse(xml), "os");
        return Xml.child(os, "nvram") != null || "efi".equals(Xml.attr(os, "firmware"));
    }

    private void removeVolumes(String vm, List<String> owned) {
        List<String> failures = new ArrayList<>();
        for (String path : owned) {
            try {
                StorageVol volume = domains.connect().storageVolLookupByPath(path);
                volume.delete(0);
                Domains.freeVolume(volume);
            } catch (LibvirtException e) {
                failures.add(path + " (" + LibvirtErrors.message(e) + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new DuovirtException("VM '" + vm + "' was deleted but " + String.join(", ", failures)
                    + " could not be removed.", "Remove the file with the host's storage tools.");
        }
    }
}
