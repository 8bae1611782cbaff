package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.StorageItem;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlDisk;

/**
 * What a VM's delete would remove. Only images Duovirt made for the VM (marked in its config) that lie
 * in the images directory count as owned; imported disks and ISOs are never deleted.
 */
final class XenStorage {
    private final XenDomains domains;

    XenStorage(XenDomains domains) {
        this.domains = domains;
    }

    List<StorageItem> storage(String vm) {
        OwnedVm owned = domains.requireOwned(vm, "list the storage of");
        List<StorageItem> items = new ArrayList<>();
        for (XlDisk disk : owned.config().disks()) {
            if (disk.target() == null) {
                continue;
            }
            boolean mine = isOwned(disk);
            String reason = mine ? null : disk.cdrom() ? "installer or data CD, not made for this VM"
                    : disk.owned() ? "outside " + domains.store().imageDir() : "imported disk, not made by Duovirt";
            items.add(new StorageItem(disk.vdev(), disk.target(), size(disk.target()), mine, reason));
        }
        return items;
    }

    void delete(String vm, boolean withStorage) {
        OwnedVm owned = domains.requireOwned(vm, "delete");
        if (domains.runningOrNull(vm) != null) {
            throw new DuovirtException("Could not delete '" + vm + "': it is running.", "Shut it down or force it off first.");
        }
        if (withStorage) {
            for (XlDisk disk : owned.config().disks()) {
                if (isOwned(disk)) {
                    domains.store().remove(disk.target());
                }
            }
        }
        if (owned.saved()) {
            domains.store().remove(domains.store().savePath(vm));
        }
        domains.store().remove(owned.path());
    }

    private boolean isOwned(XlDisk disk) {
        return disk.owned() && !disk.cdrom() && disk.target().startsWith(domains.store().imageDir() + "/")
                && !disk.target().contains("/../");
    }

    private long size(String path) {
        var result = domains.xl().raw(List.of("stat", "-L", "-c", "%s", "--", path));
        try {
            return result.ok() ? Long.parseLong(result.stdout().strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
