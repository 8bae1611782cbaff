package org.duovirt.xen;

import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PinScope;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.parse.XlDomainRow;

/**
 * Lifecycle and sizing of VMs with xl, always addressed by domid. Starting means {@code xl create} of the
 * owned config (checked first with {@code xl -N create}) or {@code xl restore} of its save file; saving
 * writes the save file with the owned config inside, so a restore applies persistent changes.
 */
final class XenLifecycle {
    private final XenDomains domains;
    private final DomainWatcher watcher;
    private final XenLimits limits;

    XenLifecycle(XenDomains domains, DomainWatcher watcher, XenLimits limits) {
        this.domains = domains;
        this.watcher = watcher;
        this.limits = limits;
    }

    void start(String vm) {
        OwnedVm owned = domains.requireOwned(vm, "start");
        if (domains.runningOrNull(vm) != null) {
            throw new DuovirtException("Could not start '" + vm + "': it is already running.", (String) null);
        }
        if (owned.saved()) {
            String save = domains.store().savePath(vm);
            domains.xl().xlSlow("restore '" + vm + "' from " + save, vm, "restore", owned.path(), save);
            domains.store().remove(save);
            return;
        }
        domains.xl().xl("check the config of '" + vm + "'", vm, "-N", "create", owned.path());
        domains.xl().xlSlow("start '" + vm + "'", vm, "create", owned.path());
    }

    void shutdown(String vm) {
        simple(vm, "shut down", "shutdown", "-F");
    }

    void reboot(String vm) {
        simple(vm, "reboot", "reboot", "-F");
    }

    void destroy(String vm) {
        XlDomainRow row = domains.requireRunning(vm, "force off");
        domains.xl().xlSlow("force off '" + vm + "'", vm, "destroy", XenDomains.domid(row));
    }

    void pause(String vm) {
        simple(vm, "pause", "pause");
    }

    void resume(String vm) {
        simple(vm, "resume", "unpause");
    }

    void save(String vm) {
        OwnedVm owned = domains.requireOwned(vm, "save");
        XlDomainRow row = domains.requireRunning(vm, "save");
        domains.store().mkdir(domains.store().saveDir());
        String save = domains.store().savePath(vm);
        watcher.expectSave(vm);
        domains.xl().xlSlow("save '" + vm + "' to " + save, vm, "save", XenDomains.domid(row), save, owned.path());
    }

    private void simple(String vm, String action, String... command) {
        XlDomainRow row = domains.requireRunning(vm, action);
        String[] args = new String[command.length + 1];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = XenDomains.domid(row);
        domains.xl().xl(action + " '" + vm + "'", vm, args);
    }

    void setVcpus(String vm, int count, Set<PinScope> scopes) {
        limits.requireVcpus(count);
        OwnedVm owned = scopes.contains(PinScope.CONFIG) ? domains.requireOwned(vm, "change the vCPUs of") : null;
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "change the vCPUs of");
            domains.xl().xl("set the vCPUs of '" + vm + "' to " + count, vm, "vcpu-set", XenDomains.domid(row), Integer.toString(count));
        }
        if (owned != null) {
            domains.persist(vm, owned, owned.config().withVcpus(count));
        }
    }

    void setMemory(String vm, long memoryMiB, Set<PinScope> scopes) {
        limits.requireMemory(memoryMiB);
        OwnedVm owned = scopes.contains(PinScope.CONFIG) ? domains.requireOwned(vm, "change the memory of") : null;
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "change the memory of");
            // xl mem-set reads a bare number as MiB despite its man page: always send the unit.
            domains.xl().xl("set the memory of '" + vm + "' to " + memoryMiB + " MiB", vm, "mem-set", XenDomains.domid(row), memoryMiB + "m");
        }
        if (owned != null) {
            domains.persist(vm, owned, owned.config().withMemory(memoryMiB));
        }
    }
}
