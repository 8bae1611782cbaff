package org.duovirt.xen;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlInfoParser;
import org.duovirt.xen.parse.XlListParser;

/**
 * Finds VMs on one host: running domains from {@code xl list -v} and owned configs. xl takes a name
 * or a domid; a VM named "5" would be read as domid 5, so commands always get the domid found here.
 */
final class XenDomains {
    private final Xl xl;
    private final OwnedConfigStore store;
    private volatile CpuSet hostCpus;

    XenDomains(Xl xl, OwnedConfigStore store) {
        this.xl = xl;
        this.store = store;
    }

    Xl xl() {
        return xl;
    }

    OwnedConfigStore store() {
        return store;
    }

    String host() {
        return xl.runner().hostLabel();
    }

    /** Every domain but Domain-0. */
    List<XlDomainRow> running() {
        return guests(xl.query("list the domains", null, "list", "-v"));
    }

    /** Every domain but Domain-0 in the output of {@code xl list -v}. */
    static List<XlDomainRow> guests(String xlListV) {
        return XlListParser.parse(xlListV, false).stream().filter(r -> r.domid() != 0).toList();
    }

    /** The running domain of that name, or null. */
    XlDomainRow runningOrNull(String vm) {
        return running().stream().filter(r -> r.name().equals(vm)).findFirst().orElse(null);
    }

    /** The running domain; a VM that is defined but off gets a clear error, an unknown one VmNotFound. */
    XlDomainRow requireRunning(String vm, String action) {
        XlDomainRow row = runningOrNull(vm);
        if (row != null) {
            return row;
        }
        if (store.find(vm) != null) {
            throw new DuovirtException("Could not " + action + " '" + vm + "': it is not running.", "Start it first.");
        }
        throw new VmNotFoundException(vm, host());
    }

    /** The owned config; VmNotFound when there is neither config nor domain. */
    OwnedVm requireOwned(String vm, String action) {
        OwnedVm owned = store.find(vm);
        if (owned != null) {
            if (owned.config() == null) {
                throw new DuovirtException("Could not " + action + " '" + vm + "': its config " + owned.path()
                        + " is not in the form Duovirt writes.", "Restore the file or recreate the VM.");
            }
            return owned;
        }
        if (runningOrNull(vm) != null) {
            throw new DuovirtException("Could not " + action + " '" + vm + "': it was not created by Duovirt, so there is no config "
                    + "of it in " + store.configDir() + " to change (xl keeps none of its own).",
                    "Change it in the config file it was started from.");
        }
        throw new VmNotFoundException(vm, host());
    }

    /**
     * Writes a changed owned config. A running domain also gets it with {@code xl config-update}: xl
     * rebuilds a rebooting domain from the config it keeps for it, not from the file, so without this a
     * persistent change would only apply after a shutdown and start.
     */
    void persist(String vm, OwnedVm owned, XlConfig changed) {
        // The same file config-update hands to xl: the one the config was read from.
        store.writeAt(owned.path(), XlConfigWriter.write(changed));
        XlDomainRow row = runningOrNull(vm);
        if (row != null) {
            xl.xl("hand the changed config of '" + vm + "' to xl", vm, "config-update", domid(row), owned.path());
        }
    }

    /**
     * Writing the cfg and handing it to xl are two commands: when the second fails the first is taken back
     * here, so the change is whole or not at all (a pin plan's cfg step, a cpupool move).
     */
    void persistOrPutBack(String vm, OwnedVm owned, XlConfig changed) {
        try {
            persist(vm, owned, changed);
        } catch (RuntimeException e) {
            try {
                restore(vm, owned);
            } catch (RuntimeException restore) {
                throw new org.duovirt.core.error.DuovirtException(e.getMessage() + ", and the old " + owned.path()
                        + " could not be written back (" + restore.getMessage() + ")", e);
            }
            throw e;
        }
    }

    /** Writes back the cfg text a VM had before a change (the undo of {@link #persist}) and hands it to xl. */
    void restore(String vm, OwnedVm before) {
        store.write(vm, before.text());
        XlDomainRow row = runningOrNull(vm);
        if (row != null) {
            xl.xl("hand the restored config of '" + vm + "' to xl", vm, "config-update", domid(row), before.path());
        }
    }

    /** Every physical CPU of the host (what xl's "all" means). */
    CpuSet hostCpus() {
        CpuSet cpus = hostCpus;
        if (cpus == null) {
            var info = XlInfoParser.parse(xl.query("read the host information", null, "info", "-n"));
            cpus = XlInfoParser.hostInfo(info, null).topology().allCpus();
            hostCpus = cpus;
        }
        return cpus;
    }

    static String domid(XlDomainRow row) {
        return Integer.toString(row.domid());
    }
}
