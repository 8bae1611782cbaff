package org.duovirt.kvm;

import com.sun.jna.NativeLong;
import java.util.Set;
import org.duovirt.core.limits.Units;
import org.duovirt.core.model.PinScope;
import org.w3c.dom.Element;

/** Start, stop, pause, save and resizing of vCPUs and memory. */
final class LifecycleOps {
    private static final int XML_INACTIVE = 2;
    private final Domains domains;
    private final KvmLimits limits;

    LifecycleOps(Domains domains, KvmLimits limits) {
        this.domains = domains;
        this.limits = limits;
    }

    /** Starts the domain; libvirt restores a managed-save image by itself when there is one. */
    void start(String vm) {
        domains.run(vm, "Starting VM '" + vm + "'", d -> d.create());
    }

    void shutdown(String vm) {
        domains.run(vm, "Shutting down VM '" + vm + "'", d -> d.shutdown());
    }

    void reboot(String vm) {
        domains.run(vm, "Rebooting VM '" + vm + "'", d -> d.reboot(0));
    }

    void destroy(String vm) {
        domains.run(vm, "Forcing VM '" + vm + "' off", d -> d.destroy());
    }

    void pause(String vm) {
        domains.run(vm, "Pausing VM '" + vm + "'", d -> d.suspend());
    }

    void resume(String vm) {
        domains.run(vm, "Resuming VM '" + vm + "'", d -> d.resume());
    }

    /** libvirt's managed save: the image belongs to libvirt and the next start restores it. */
    void save(String vm) {
        domains.run(vm, "Saving VM '" + vm + "'", d -> d.managedSave());
    }

    void setVcpus(String vm, int count, Set<PinScope> scopes) {
        // Before anything is sent: libvirtd allocates per vCPU of a new maximum and dies of a huge one.
        limits.requireVcpus(vm, count);
        String what = "Setting " + count + " vCPUs on VM '" + vm + "'";
        domains.run(vm, what, d -> {
            ScopedChange.refuseLiveOnStopped(d, vm, scopes, "the vCPU count");
            if (scopes.contains(PinScope.CONFIG) && count > configMaxVcpus(d.getXMLDesc(XML_INACTIVE))) {
                // The persistent maximum must grow first, or libvirt refuses the count.
                d.setVcpusFlags(count, LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG | LibvirtNative.VIR_DOMAIN_VCPU_MAXIMUM);
            }
            ScopedChange.apply(d, vm, scopes, "the vCPU count", (dom, flags) -> dom.setVcpusFlags(count, flags));
        });
    }

    void setMemory(String vm, long memoryMiB, Set<PinScope> scopes) {
        limits.requireMemory(vm, memoryMiB);
        long kib = Units.mibToKiB(memoryMiB);
        String what = "Setting the memory of VM '" + vm + "' to " + memoryMiB + " MiB";
        domains.run(vm, what, d -> {
            ScopedChange.refuseLiveOnStopped(d, vm, scopes, "the memory size");
            if (scopes.contains(PinScope.CONFIG)
                    && kib > Xml.kib(Xml.child(Xml.parse(d.getXMLDesc(XML_INACTIVE)), "memory"), Long.MAX_VALUE)) {
                call(d, kib, LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG | LibvirtNative.VIR_DOMAIN_MEM_MAXIMUM, what);
            }
            ScopedChange.apply(d, vm, scopes, "the memory size", (dom, flags) -> call(dom, kib, flags, what));
        });
    }

    private static void call(org.libvirt.Domain d, long kib, int flags, String what) {
        if (LibvirtNative.INSTANCE.virDomainSetMemoryFlags(NativeHandles.of(d), new NativeLong(kib), flags) < 0) {
            throw NativeHandles.lastError(what);
        }
    }

    private static int configMaxVcpus(String inactiveXml) {
        Element vcpu = Xml.child(Xml.parse(inactiveXml), "vcpu");
        return (int) Xml.longText(vcpu, Integer.MAX_VALUE);
    }

    /**
     * One call per scope: some drivers (the test driver) refuse LIVE and CONFIG together, and two calls
     * behave the same everywhere. Config first, so a refused live change leaves the saved one applied.
     */
    static int[] separate(Set<PinScope> scopes) {
        if (scopes.isEmpty()) {
            return new int[] {LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT};
        }
        return scopes.stream().sorted((a, b) -> b.compareTo(a)).mapToInt(s -> flags(Set.of(s))).toArray();
    }

    /** LIVE and CONFIG as libvirt's AFFECT flags; no scope means "current" (live when running). */
    static int flags(Set<PinScope> scopes) {
        int flags = LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT;
        if (scopes.contains(PinScope.LIVE)) {
            flags |= LibvirtNative.VIR_DOMAIN_AFFECT_LIVE;
        }
        if (scopes.contains(PinScope.CONFIG)) {
            flags |= LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG;
        }
        return flags;
    }
}
