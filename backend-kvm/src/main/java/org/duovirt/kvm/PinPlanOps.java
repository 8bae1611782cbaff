package org.duovirt.kvm;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.pin.PinCapabilities;
import org.duovirt.core.pin.PinChecks;
import org.duovirt.core.pin.PinContext;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinTransaction;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * A whole pin plan on a libvirt domain: virDomainPinVcpuFlags per vCPU and virDomainPinEmulator, first live
 * then in the persistent definition, each step undoable with the pin read before it; steps that change
 * nothing are left out. The preview is the {@code <cputune>} libvirt will keep: a pin to every host CPU is
 * no pin, so libvirt drops it, and so does the preview.
 */
final class PinPlanOps {
    private static final int XML_INACTIVE = 2;
    private final Domains domains;
    private final HostReader host;

    PinPlanOps(Domains domains, HostReader host) {
        this.domains = domains;
        this.host = host;
    }

    void apply(String vm, PinPlan plan, Set<PinScope> scopes, ProgressListener progress) {
        if (scopes.isEmpty()) {
            throw new InvalidSpecException("Say where the pins apply: live, config or both.");
        }
        PinContext context = PinContext.of(host.hostInfo().topology());
        int cpus = host.hostCpuCount();
        String what = "Pinning VM '" + vm + "'";
        domains.run(vm, what, d -> {
            boolean active = d.isActive() == 1;
            if (scopes.contains(PinScope.LIVE) && !active) {
                throw new InvalidSpecException("'" + vm + "' is not running, so it has no live pins: apply to its configuration only.");
            }
            PinTransaction tx = new PinTransaction(vm);
            for (PinScope scope : List.of(PinScope.LIVE, PinScope.CONFIG)) {
                if (scopes.contains(scope)) {
                    int flags = flags(scope, active);
                    int vcpus = maxVcpus(d, scope);
                    boolean emulator = plan.emulator() != null;
                    PinChecks.require(plan, vcpus, context, new PinCapabilities(false, emulator));
                    addSteps(tx, d, plan, vcpus, flags, cpus, scope.name().toLowerCase(java.util.Locale.ROOT), what);
                }
            }
            tx.run(progress);
        });
    }

    private void addSteps(PinTransaction tx, Domain d, PinPlan plan, int vcpus, int flags, int cpus, String scope, String what)
            throws LibvirtException {
        Pointer dom = NativeHandles.of(d);
        int maplen = (cpus + 7) / 8;
        byte[] maps = new byte[vcpus * maplen];
        if (LibvirtNative.INSTANCE.virDomainGetVcpuPinInfo(dom, vcpus, maps, maplen, flags) < 0) {
            throw NativeHandles.lastError(what);
        }
        for (int i = 0; i < vcpus; i++) {
            byte[] old = java.util.Arrays.copyOfRange(maps, i * maplen, (i + 1) * maplen);
            byte[] next = plan.hard(i).toBitmap(cpus);
            if (!CpuSet.fromBitmap(old, cpus).equals(plan.hard(i))) {
                int vcpu = i;
                tx.step("vCPU " + i + " (" + scope + ")", () -> pinVcpu(dom, vcpu, next, flags, what),
                        () -> pinVcpu(dom, vcpu, old, flags, what));
            }
        }
        if (plan.emulator() != null) {
            byte[] old = new byte[maplen];
            if (LibvirtNative.INSTANCE.virDomainGetEmulatorPinInfo(dom, old, maplen, flags) < 0) {
                throw NativeHandles.lastError(what + ": reading the emulator pin");
            }
            byte[] next = plan.emulator().toBitmap(cpus);
            if (!CpuSet.fromBitmap(old, cpus).equals(plan.emulator())) {
                tx.step("the emulator threads (" + scope + ")", () -> pinEmulator(dom, next, flags, what),
                        () -> pinEmulator(dom, old, flags, what));
            }
        }
    }

    private static void pinVcpu(Pointer dom, int vcpu, byte[] map, int flags, String what) {
        if (LibvirtNative.INSTANCE.virDomainPinVcpuFlags(dom, vcpu, map, map.length, flags) < 0) {
            throw NativeHandles.lastError(what);
        }
    }

    private static void pinEmulator(Pointer dom, byte[] map, int flags, String what) {
        if (LibvirtNative.INSTANCE.virDomainPinEmulator(dom, map, map.length, flags) < 0) {
            throw NativeHandles.lastError(what);
        }
    }

    /** The vCPUs (the maximum, offline ones too) of the running VM or of its persistent definition. */
    private static int maxVcpus(Domain d, PinScope scope) throws LibvirtException {
        String xml = d.getXMLDesc(scope == PinScope.CONFIG ? XML_INACTIVE : 0);
        return (int) Xml.longText(Xml.child(Xml.parse(xml), "vcpu"), d.getInfo().nrVirtCpu);
    }

    /**
     * LIVE on a running VM and CONFIG on a stopped one are what libvirt calls "current"; saying so lets
     * drivers that accept only AFFECT_CURRENT (the test driver) pin too.
     */
    private static int flags(PinScope scope, boolean active) {
        if (scope == PinScope.LIVE) {
            return active ? LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT : LibvirtNative.VIR_DOMAIN_AFFECT_LIVE;
        }
        return active ? LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG : LibvirtNative.VIR_DOMAIN_AFFECT_CURRENT;
    }

    String preview(PinPlan plan) {
        CpuSet all = host.hostInfo().topology().allCpus();
        XmlOut xml = new XmlOut();
        xml.start("cputune");
        for (int i = 0; i < plan.vcpuCount(); i++) {
            if (!all.isSubsetOf(plan.hard(i))) {
                xml.empty("vcpupin", "vcpu", Integer.toString(i), "cpuset", plan.hard(i).toString());
            }
        }
        if (plan.emulator() != null && !all.isSubsetOf(plan.emulator())) {
            xml.empty("emulatorpin", "cpuset", plan.emulator().toString());
        }
        return xml.end().toString();
    }
}
