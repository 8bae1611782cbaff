package org.duovirt.xen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
        Set<String> inside = insideImageDir(owned.config().disks());
        for (XlDisk disk : owned.config().disks()) {
            if (disk.target() == null) {
                continue;
            }
            boolean mine = isOwned(disk, inside);
            String reason = mine ? null : disk.cdrom() ? "installer or data CD, not made for this VM"
                    : disk.owned() ? "not a file of its own in " + domains.store().imageDir() : "imported disk, not made by Duovirt";
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
            Set<String> inside = insideImageDir(owned.config().disks());
            for (XlDisk disk : owned.config().disks()) {
                if (isOwned(disk, inside)) {
                    domains.store().remove(disk.target());
                }
            }
        }
        if (owned.saved()) {
            domains.store().remove(domains.store().savePath(vm));
        }
        domains.store().remove(owned.path());
    }

    /** Marked as made for this VM (its disk, or its cloud-init seed CD-ROM) and really a file of the image directory. */
    private static boolean isOwned(XlDisk disk, Set<String> inside) {
        return disk.owned() && disk.target() != null && inside.contains(disk.target());
    }

    /**
     * The disk targets that really are regular files directly in the images directory, judged by the
     * host's own {@code realpath} (symlinks and {@code ..} resolved) and {@code test -f}, not by
     * comparing text: a symlink in the directory pointing elsewhere, or {@code images/..}, is not Duovirt's.
     */
    private Set<String> insideImageDir(List<XlDisk> disks) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", INSIDE_SCRIPT, "sh", domains.store().imageDir()));
        disks.stream().map(XlDisk::target).filter(t -> t != null).forEach(argv::add);
        if (argv.size() == 5) {
            return Set.of();
        }
        var result = domains.xl().raw(argv);
        if (!result.ok()) {
            throw new DuovirtException("Could not check which disks of the VM lie in " + domains.store().imageDir() + " on "
                    + domains.host() + ".", null, result.stderr(), null);
        }
        return Set.copyOf(Arrays.asList(result.stdout().split("\0")).stream().filter(s -> !s.isEmpty()).toList());
    }

    /** Prints (NUL-separated) each argument after the first whose real path is a regular file directly in the first. */
    private static final String INSIDE_SCRIPT = "dir=$(realpath -e -- \"$1\" 2>/dev/null) || exit 0; shift; "
            + "for p; do [ -L \"$p\" ] && continue; r=$(realpath -e -- \"$p\" 2>/dev/null) || continue; "
            + "[ -f \"$r\" ] && [ \"$(dirname -- \"$r\")\" = \"$dir\" ] && printf '%s\\0' \"$p\"; done; exit 0";

    private long size(String path) {
        var result = domains.xl().raw(List.of("stat", "-L", "-c", "%s", "--", path));
        try {
            return result.ok() ? Long.parseLong(result.stdout().strip()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
