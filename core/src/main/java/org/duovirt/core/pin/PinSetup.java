package org.duovirt.core.pin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * Everything an editor or {@code duovirt pin} needs about one VM before it plans: the VM's pins, the host,
 * the other running VMs' pins (and the host's own, Xen's Domain-0), the VM's cpupool and what the hypervisor can pin. Read in one go on the
 * caller's (background) thread; the CLI and the app's view model both use it.
 *
 * @param pools the host's cpupools (Xen), empty elsewhere
 */
public record PinSetup(String vm, VcpuPinning pinning, PinContext context, PinCapabilities caps, Map<String, CpuPool> pools) {
    public PinSetup {
        pools = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pools));
    }

    /** Reads the setup from the host; blocks. */
    public static PinSetup read(HostConnection host, String vm) {
        VcpuPinning pinning = host.pinning(vm);
        CpuTopology topology = host.hostInfo().topology();
        Map<String, CpuPool> pools = new LinkedHashMap<>();
        String pool = null;
        if (host.supports(Feature.CPUPOOLS)) {
            for (CpuPool p : host.cpuPools()) {
                pools.put(p.name(), p);
                if (p.vms().contains(vm)) {
                    pool = p.name();
                }
            }
        }
        PinContext context = new PinContext(topology, pool == null ? null : pools.get(pool).cpus(), Map.of(), pinning.memoryNodes());
        Map<String, VcpuPinning> others = new LinkedHashMap<>();
        for (VmSummary other : host.listVms(false)) {
            if (!other.name().equals(vm) && other.state().isActive()) {
                try {
                    others.put(other.name(), host.pinning(other.name()));
                } catch (DuovirtException e) {
                    // A VM that stopped meanwhile pins nothing.
                }
            }
        }
        try {
            // Xen's Domain-0 is no VM in the list, yet its pinned vCPUs share the CPUs like one.
            host.hostPinning().forEach(others::putIfAbsent);
        } catch (DuovirtException e) {
            // The host's own pins unreadable: plan with the VMs' pins alone.
        }
        PinCapabilities caps = new PinCapabilities(host.supports(Feature.PIN_SOFT),
                host.supports(Feature.PIN_EMULATOR) && pinning.emulatorCpus() != null);
        return new PinSetup(vm, pinning, context.withOtherPins(PinContext.pinnedElsewhere(others, context.usableCpus())), caps, pools);
    }

    /** The VM's cpupool, or null. */
    public String poolName() {
        return pools.values().stream().filter(p -> p.vms().contains(vm)).map(CpuPool::name).findFirst().orElse(null);
    }

    public int vcpus() {
        return pinning.vcpus().size();
    }

    /**
     * A saved plan made fit for this host: an emulator set the host cannot pin (the test driver reports one
     * but cannot change it) is dropped when it is what the VM has anyway; anything else stays for the checks
     * to refuse.
     */
    public PinPlan adapt(PinPlan plan) {
        if (plan.emulator() != null && !caps.emulator() && plan.emulator().equals(pinning.emulatorCpus())) {
            return plan.withEmulator(null);
        }
        return plan;
    }

    /** The plan of a preset for this VM. */
    public PinPlan preset(Preset preset) {
        return PinPresets.plan(preset, vcpus(), context, caps);
    }
}
