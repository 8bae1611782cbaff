package org.duovirt.kvm;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.spi.Feature;
import org.libvirt.Domain;
import org.libvirt.VcpuInfo;

/**
 * vCPU and emulator pinning through virDomainGetVcpuPinInfo, virDomainPinVcpuFlags,
 * virDomainGetEmulatorPinInfo and virDomainPinEmulator (libvirt-java binds only live pinning).
 * QEMU has no soft affinity, so soft is always null here.
 */
final class PinningOps {
    private static final int XML_INACTIVE = 2;
    private final Domains domains;
    private final HostReader host;

    PinningOps(Domains domains, HostReader host) {
        this.domains = domains;
        this.host = host;
    }

    /** The live pinning of a running VM, the saved one of a stopped VM. */
    VcpuPinning pinning(String vm) {
        int cpus = host.hostCpuCount();
        int maplen = (cpus + 7) / 8;
        String what = "Reading the vCPU pinning of VM '" + vm + "'";
        return domains.with(vm, what, d -> {
            boolean active = d.isActive() == 1;
            org.w3c.dom.Element xml = Xml.parse(d.getXMLDesc(active ? 0 : XML_INACTIVE));
            int maxVcpus = (int) Xml.longText(Xml.child(xml, "vcpu"), d.getInfo().nrVirtCpu);
            Pointer dom = NativeHandles.of(d);
            byte[] maps = new byte[maxVcpus * maplen];
            int n = LibvirtNative.INSTANCE.virDomainGetVcpuPinInfo(dom, maxVcpus, maps, maplen,
                    LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT);
            if (n < 0) {
                throw NativeHandles.lastError(what);
            }
            Map<Integer, Integer> current = active ? currentCpus(d) : Map.of();
            List<VcpuAffinity> vcpus = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte[] map = new byte[maplen];
                System.arraycopy(maps, i * maplen, map, 0, maplen);
                vcpus.add(new VcpuAffinity(i, CpuSet.fromBitmap(map, cpus), null, current.getOrDefault(i, -1)));
            }
            byte[] emulator = new byte[maplen];
            int e = LibvirtNative.INSTANCE.virDomainGetEmulatorPinInfo(dom, emulator, maplen,
                    LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT);
            // Drivers without emulator threads (the test driver) fail here; they simply have none.
            return new VcpuPinning(vcpus, e < 0 ? null : CpuSet.fromBitmap(emulator, cpus), memoryNodes(xml));
        });
    }

    /** The nodes of {@code <numatune><memory nodeset=…/>}; none when the memory is not bound. */
    static java.util.Set<Integer> memoryNodes(org.w3c.dom.Element domain) {
        org.w3c.dom.Element memory = Xml.path(domain, "numatune", "memory");
        String nodeset = memory == null ? null : Xml.attr(memory, "nodeset");
        if (nodeset == null || nodeset.isBlank()) {
            return java.util.Set.of();
        }
        try {
            return new java.util.TreeSet<>(CpuSet.parse(nodeset).toList());
        } catch (IllegalArgumentException e) {
            return java.util.Set.of();
        }
    }

    private static Map<Integer, Integer> currentCpus(Domain d) {
        Map<Integer, Integer> out = new HashMap<>();
        try {
            for (VcpuInfo info : d.getVcpusInfo()) {
                out.put(info.number, info.cpu);
            }
        } catch (org.libvirt.LibvirtException e) {
            // A VM that just stopped has no current CPUs; -1 says exactly that.
        }
        return out;
    }

    void pinVcpu(String vm, int vcpu, CpuSet hard, CpuSet soft, Set<PinScope> scopes) {
        if (soft != null) {
            throw new NotSupportedException(Feature.PIN_SOFT, KvmBackend.NAME, "QEMU has only hard affinity");
        }
        int cpus = checked(hard, vm);
        String what = "Pinning vCPU " + vcpu + " of VM '" + vm + "' to CPUs " + hard;
        byte[] map = hard.toBitmap(cpus);
        domains.run(vm, what, d -> ScopedChange.apply(d, vm, scopes, "the pinning of vCPU " + vcpu, (dom, flags) -> {
            if (LibvirtNative.INSTANCE.virDomainPinVcpuFlags(NativeHandles.of(dom), vcpu, map, map.length, current(flags, dom)) < 0) {
                throw NativeHandles.lastError(what);
            }
        }));
    }

    void pinEmulator(String vm, CpuSet cpuSet, Set<PinScope> scopes) {
        int cpus = checked(cpuSet, vm);
        String what = "Pinning the emulator threads of VM '" + vm + "' to CPUs " + cpuSet;
        byte[] map = cpuSet.toBitmap(cpus);
        domains.run(vm, what, d -> ScopedChange.apply(d, vm, scopes, "the pinning of its emulator threads", (dom, flags) -> {
            if (LibvirtNative.INSTANCE.virDomainPinEmulator(NativeHandles.of(dom), map, map.length, current(flags, dom)) < 0) {
                throw NativeHandles.lastError(what);
            }
        }));
    }

    /**
     * LIVE on a running VM and CONFIG on a stopped one are what libvirt calls "current"; saying so lets
     * drivers that accept only AFFECT_CURRENT (the test driver) pin too.
     */
    private static int current(int flags, Domain d) throws org.libvirt.LibvirtException {
        boolean active = d.isActive() == 1;
        boolean sameAsCurrent = active ? flags == LibvirtNative.VIR_DOMAIN_AFFECT_LIVE
                : flags == LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG;
        return sameAsCurrent ? LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT : flags;
    }

    /** @return the host's CPU count, after checking the set is non-empty and inside it */
    private int checked(CpuSet set, String vm) {
        if (set == null || set.isEmpty()) {
            throw new DuovirtException("Pinning VM '" + vm + "' needs at least one CPU.", "Choose one or more host CPUs.");
        }
        int cpus = host.hostCpuCount();
        if (set.last() >= cpus) {
            throw new DuovirtException("CPU " + set.last() + " does not exist on " + domains.uri() + ", which has CPUs 0-"
                    + (cpus - 1) + ".", "Choose CPUs the host has.");
        }
        return cpus;
    }
}
