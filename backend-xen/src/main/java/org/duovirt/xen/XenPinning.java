package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XlDomainRow;

/**
 * vCPU pinning. Live pins ({@code xl vcpu-pin}) do not survive a reboot or a save/restore, and
 * {@code xl list -l} never shows them, so live affinity is read from {@code xl vcpu-list} and a
 * persistent pin is a rewrite of the owned config's per-vCPU {@code cpus=} / {@code cpus_soft=} lists.
 */
final class XenPinning {
    static final String DOM0 = "Domain-0";
    private final XenDomains domains;
    private final XenMemoryNodes memory;

    XenPinning(XenDomains domains) {
        this.domains = domains;
        this.memory = new XenMemoryNodes(domains);
    }

    VcpuPinning pinning(String vm) {
        XlDomainRow row = domains.runningOrNull(vm);
        CpuSet all = domains.hostCpus();
        if (row != null) {
            VcpuPinning live = VcpuListParser.parse(domains.xl().query("read the vCPU pinning of '" + vm + "'", vm, "vcpu-list",
                    XenDomains.domid(row)), all);
            return new VcpuPinning(live.vcpus(), null, memory.of(row.domid()));
        }
        XlConfig config = domains.requireOwned(vm, "read the vCPU pinning of").config();
        List<VcpuAffinity> vcpus = new ArrayList<>();
        for (int i = 0; i < config.vcpus(); i++) {
            vcpus.add(new VcpuAffinity(i, i < config.cpus().size() ? config.cpus().get(i) : all,
                    i < config.cpusSoft().size() ? config.cpusSoft().get(i) : all, -1));
        }
        return new VcpuPinning(vcpus, null);
    }

    /** Domain-0's vCPUs (domid 0): pinned with {@code dom0_vcpus_pin} or {@code xl vcpu-pin 0 …}, they share CPUs with the VMs. */
    java.util.Map<String, VcpuPinning> hostPinning() {
        String text = domains.xl().query("read the vCPU pinning of Domain-0", DOM0, "vcpu-list", "0");
        VcpuPinning dom0 = VcpuListParser.parse(text, domains.hostCpus(), 0);
        return dom0.vcpus().isEmpty() ? java.util.Map.of() : java.util.Map.of(DOM0, dom0);
    }

    void pin(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        CpuSet all = domains.hostCpus();
        check("hard affinity", hard, all);
        if (soft != null) {
            check("soft affinity", soft, all);
        }
        if (vcpu < 0) {
            throw new InvalidSpecException("vCPU numbers start at 0; " + vcpu + " was given.");
        }
        if (scopes.isEmpty()) {
            throw new InvalidSpecException("Say where the pin applies: live, config or both.");
        }
        OwnedVm owned = null;
        if (scopes.contains(PinScope.CONFIG)) {
            owned = domains.requireOwned(vm, "pin the vCPUs of");
            if (vcpu >= owned.config().maxVcpus()) {
                throw new InvalidSpecException("'" + vm + "' has " + owned.config().maxVcpus() + " vCPUs; there is no vCPU " + vcpu + ".");
            }
        }
        if (scopes.contains(PinScope.LIVE)) {
            XlDomainRow row = domains.requireRunning(vm, "pin a vCPU of");
            domains.xl().xl("pin vCPU " + vcpu + " of '" + vm + "'", vm, "vcpu-pin", XenDomains.domid(row),
                    Integer.toString(vcpu), hard.toString(), soft == null ? "-" : soft.toString());
        }
        if (owned != null) {
            XlConfig config = owned.config();
            int length = Math.max(config.vcpus(), vcpu + 1);
            List<CpuSet> hardList = padded(config.cpus(), length, all);
            hardList.set(vcpu, hard);
            List<CpuSet> softList = config.cpusSoft();
            if (soft != null) {
                softList = padded(config.cpusSoft(), length, all);
                softList.set(vcpu, soft);
            }
            domains.persist(vm, owned, config.withPinning(hardList, softList));
        }
    }

    private static List<CpuSet> padded(List<CpuSet> list, int length, CpuSet all) {
        List<CpuSet> out = new ArrayList<>(list);
        while (out.size() < length) {
            out.add(all);
        }
        return out;
    }

    private static void check(String what, CpuSet set, CpuSet all) {
        if (set == null || set.isEmpty()) {
            throw new InvalidSpecException("The " + what + " is empty: give at least one CPU.");
        }
        if (!set.isSubsetOf(all)) {
            throw new InvalidSpecException("The " + what + " " + set + " names CPUs the host does not have (it has " + all + ").");
        }
    }

    static DuovirtException emulatorNotApplicable() {
        return new org.duovirt.core.error.NotSupportedException(org.duovirt.core.spi.Feature.PIN_EMULATOR, XenBackend.NAME,
                "Xen PV and PVH guests have no emulator threads (HVM device models run in dom0 and are pinned with dom0)");
    }
}
