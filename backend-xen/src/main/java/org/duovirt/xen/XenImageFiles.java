package org.duovirt.xen;

import java.util.Deque;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.transport.CommandResult;

/**
 * New files of a VM in the owned image directory (its disk, its cloud-init seed): each name is taken with the
 * shell's noclobber, so a file that is already there is never taken over, and each is removed again by the
 * creation's undo.
 */
final class XenImageFiles {
    private final XenDomains domains;

    XenImageFiles(XenDomains domains) {
        this.domains = domains;
    }

    /** The path stem of a VM's files, safe for xl's disk spec (no comma, no '='). */
    String base(String vm) {
        return domains.store().imageDir() + "/" + vm.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Makes an empty file {@code <base><suffix>} (or {@code <base>-N<suffix>}) of the VM, pushes its removal, returns it. */
    String reserve(String vm, String suffix, Deque<Runnable> undo) {
        domains.store().mkdir(domains.store().imageDir());
        String base = base(vm);
        for (int attempt = 0; attempt < 20; attempt++) {
            String path = base + (attempt == 0 ? "" : "-" + attempt) + suffix;
            CommandResult made = domains.xl().raw(List.of("sh", "-c", "umask 077; set -C; : > \"$1\"", "sh", path));
            if (!made.ok()) {
                continue;
            }
            undo.push(() -> domains.store().remove(path));
            return path;
        }
        throw new DuovirtException("Could not create a file for '" + vm + "' in " + domains.store().imageDir() + ".",
                "Check that the directory is writable.");
    }
}
