package org.duovirt.xen;

import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.pin.PinCapabilities;
import org.duovirt.core.pin.PinChecks;
import org.duovirt.core.pin.PinContext;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinTransaction;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlInfoParser;

/**
 * A whole pin plan on a Xen domain: live, {@code xl vcpu-pin DOMID N HARD SOFT|-} for each vCPU whose
 * affinity changes (undone with the affinity {@code xl vcpu-list} showed before); persistent, one rewrite of
 * the owned cfg's {@code cpus=} / {@code cpus_soft=} lists followed by {@code xl config-update} (undone by
 * writing the old text back), so a reboot by xl's per-domain monitor keeps the pins.
 */
final class XenPinPlans {
    private final XenDomains domains;

    XenPinPlans(XenDomains domains) {
        this.domains = domains;
    }

    void apply(String vm, PinPlan plan, Set<PinScope> scopes, ProgressListener progress) {
        if (scopes.isEmpty()) {
            throw new InvalidSpecException("Say where the pins apply: live, config or both.");
        }
        PinContext context = PinContext.of(XlInfoParser.hostInfo(
                XlInfoParser.parse(domains.xl().query("read the host information", null, "info", "-n")), null).topology());
        PinCapabilities caps = PinCapabilities.XEN;
        PinTransaction tx = new PinTransaction(vm);
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "pin the vCPUs of");
            String domid = XenDomains.domid(row);
            VcpuPinning now = VcpuListParser.parse(domains.xl().query("read the vCPU pinning of '" + vm + "'", vm, "vcpu-list",
                    domid), domains.hostCpus());
            PinChecks.require(plan, now.vcpus().size(), context, caps);
            for (VcpuAffinity old : now.vcpus()) {
                int i = old.vcpu();
                CpuSet soft = plan.soft(i);
                if (!old.hard().equals(plan.hard(i)) || soft != null && !soft.equals(old.soft())) {
                    tx.step("vCPU " + i + " (live)", () -> pin(vm, domid, i, plan.hard(i), soft),
                            () -> pin(vm, domid, i, old.hard(), old.soft()));
                }
            }
        }
        if (scopes.contains(PinScope.CONFIG)) {
            OwnedVm owned = domains.requireOwned(vm, "pin the vCPUs of");
            XlConfig config = owned.config();
            PinChecks.require(plan, config.maxVcpus(), context, caps);
            XlConfig changed = changed(config, plan);
            if (!changed.equals(config)) {
                tx.step("the config " + owned.path(), () -> domains.persistOrPutBack(vm, owned, changed),
                        () -> domains.restore(vm, owned));
            }
        }
        tx.run(progress);
    }

    /**
     * {@code -} leaves the soft set alone; an empty soft set (vcpu-list's {@code none}, seen on offline vCPUs)
     * cannot be written back, so its undo is {@code all}, what xl gives a vCPU without one.
     */
    private void pin(String vm, String domid, int vcpu, CpuSet hard, CpuSet soft) {
        domains.xl().xl("pin vCPU " + vcpu + " of '" + vm + "'", vm, "vcpu-pin", domid, Integer.toString(vcpu),
                hard.toString(), soft == null ? "-" : soft.isEmpty() ? "all" : soft.toString());
    }

    /** A plan without soft sets leaves the cfg's cpus_soft= as it was. */
    private static XlConfig changed(XlConfig config, PinPlan plan) {
        return config.withPinning(plan.hard(), plan.hasSoft() ? plan.soft() : config.cpusSoft());
    }

    /** The cpus= / cpus_soft= lines the cfg would get (for a VM without an owned cfg: what a cfg would say). */
    String preview(String vm, PinPlan plan) {
        OwnedVm owned = domains.store().find(vm);
        List<CpuSet> soft = plan.hasSoft() ? plan.soft()
                : owned != null && owned.config() != null ? owned.config().cpusSoft() : List.of();
        return XlConfigWriter.pinningLines(plan.hard(), soft);
    }
}
