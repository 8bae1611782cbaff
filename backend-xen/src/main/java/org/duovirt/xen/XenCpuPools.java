package org.duovirt.xen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.parse.CpupoolListParser;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlListParser;

/**
 * The host's cpupools, and moving a VM between them at once and for good. {@code xl cpupool-migrate} moves a
 * running domain but leaves its config alone, so the next {@code xl create} (or a reboot, which xl rebuilds from
 * the config it keeps) would land in Pool-0 again. A VM Duovirt owns therefore also gets {@code pool="…"} in its
 * cfg, through {@link org.duovirt.xen.config.XlConfigWriter}, handed to xl with {@code config-update} when it runs.
 * Whole or nothing: when the cfg cannot be written, the domain is moved back to the pool it was in.
 * A stopped VM only has its cfg changed; a running domain Duovirt did not create is moved live only.
 */
final class XenCpuPools {
    /** The pool xl creates a domain in when its cfg has no pool= line. */
    static final String DEFAULT_POOL = "Pool-0";
    private final XenDomains domains;

    XenCpuPools(XenDomains domains) {
        this.domains = domains;
    }

    /**
     * The pools with the VMs placed in each: a running domain where xl says it runs, a stopped VM Duovirt owns where
     * its cfg's {@code pool=} will create it (no line: Pool-0, xl's default).
     */
    List<CpuPool> pools() {
        Xl xl = domains.xl();
        String list = xl.query("list the cpupools", null, "cpupool-list");
        String cpus = xl.query("list the cpupools", null, "cpupool-list", "-c");
        List<XlDomainRow> rows = XlListParser.parse(xl.query("list the domains", null, "list", "-c"), true);
        List<CpuPool> running = CpupoolListParser.parse(list, cpus, rows);
        Set<String> live = rows.stream().map(XlDomainRow::name).collect(Collectors.toSet());
        Map<String, List<String>> stopped = new HashMap<>();
        for (OwnedVm owned : domains.store().loadAll().values()) {
            if (!live.contains(owned.name()) && owned.config() != null) {
                String pool = owned.config().pool() == null ? DEFAULT_POOL : owned.config().pool();
                stopped.computeIfAbsent(pool, p -> new ArrayList<>()).add(owned.name());
            }
        }
        List<CpuPool> out = new ArrayList<>();
        for (CpuPool p : running) {
            List<String> vms = new ArrayList<>(p.vms());
            vms.addAll(stopped.getOrDefault(p.name(), List.of()).stream().sorted().toList());
            out.add(new CpuPool(p.name(), p.cpus(), p.scheduler(), vms));
        }
        return out;
    }

    void move(String vm, String pool) {
        List<CpuPool> pools = pools();
        CpuPool target = pools.stream().filter(p -> p.name().equals(pool)).findFirst().orElseThrow(() -> new InvalidSpecException(
                "There is no cpupool '" + pool + "' on " + domains.host() + "; it has "
                        + pools.stream().map(CpuPool::name).collect(Collectors.joining(", ")) + "."));
        if (target.cpus().isEmpty()) {
            throw new InvalidSpecException("The cpupool '" + pool + "' has no CPUs, so '" + vm + "' could not run there; "
                    + "add CPUs to it first (xl cpupool-cpu-add).");
        }
        XlDomainRow row = domains.runningOrNull(vm);
        OwnedVm owned = domains.store().find(vm);
        if (row == null && owned == null) {
            throw new VmNotFoundException(vm, domains.host());
        }
        // An unreadable cfg is refused here, before anything moves.
        XlConfig config = owned == null ? null : domains.requireOwned(vm, "move to cpupool '" + pool + "'").config();
        String before = row == null ? null : poolOf(pools, vm);
        boolean moveLive = row != null && !pool.equals(before);
        if (moveLive) {
            migrate(vm, row, pool);
        }
        if (config == null || pool.equals(config.pool())) {
            return;
        }
        try {
            domains.persistOrPutBack(vm, owned, config.withPool(pool));
        } catch (RuntimeException e) {
            if (!moveLive || before == null) {
                throw e;
            }
            moveBack(vm, row, before, e);
            throw new DuovirtException("Could not move '" + vm + "' to cpupool '" + pool + "': its config could not be changed ("
                    + strip(e.getMessage()) + "), so it was moved back to '" + before + "'.", "Fix the cause and move it again.",
                    e.getMessage(), e);
        }
    }

    private void moveBack(String vm, XlDomainRow row, String before, RuntimeException cause) {
        try {
            migrate(vm, row, before);
        } catch (RuntimeException back) {
            throw new DuovirtException("'" + vm + "' was moved to another cpupool, but its config could not be changed ("
                    + strip(cause.getMessage()) + "), and moving it back to '" + before + "' failed too (" + strip(back.getMessage()) + ").",
                    "Check with xl cpupool-list and move it again.", back.getMessage(), cause);
        }
    }

    private void migrate(String vm, XlDomainRow row, String pool) {
        domains.xl().xl("move '" + vm + "' to cpupool '" + pool + "'", vm, "cpupool-migrate", XenDomains.domid(row), pool);
    }

    private static String strip(String s) {
        String t = String.valueOf(s).strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String poolOf(List<CpuPool> pools, String vm) {
        return pools.stream().filter(p -> p.vms().contains(vm)).map(CpuPool::name).findFirst().orElse(null);
    }
}
