package org.duovirt.core.pin;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.PhysicalCpu;

/**
 * What presets and warnings are computed from, besides the plan: the host and its neighbours.
 *
 * @param topology    the host's CPUs, cores and NUMA cells
 * @param poolCpus    the CPUs of the VM's Xen cpupool, or null where there are no cpupools
 * @param otherPins   per other VM, the CPUs it is pinned to (only VMs pinned to fewer than all CPUs)
 * @param memoryNodes the NUMA nodes holding the VM's memory; empty when unknown
 */
public record PinContext(CpuTopology topology, CpuSet poolCpus, Map<String, CpuSet> otherPins, Set<Integer> memoryNodes) {
    public PinContext {
        otherPins = java.util.Collections.unmodifiableMap(new TreeMap<>(otherPins));
        memoryNodes = Set.copyOf(memoryNodes);
    }

    public static PinContext of(CpuTopology topology) {
        return new PinContext(topology, null, Map.of(), Set.of());
    }

    /** The CPUs a vCPU may usefully run on: online, and in the VM's cpupool when there is one. */
    public CpuSet usableCpus() {
        CpuSet online = CpuSet.of(topology.cpus().stream().filter(PhysicalCpu::online).map(PhysicalCpu::id).toList());
        return poolCpus == null ? online : online.intersect(poolCpus);
    }

    public CpuSet offlineCpus() {
        return CpuSet.of(topology.cpus().stream().filter(c -> !c.online()).map(PhysicalCpu::id).toList());
    }

    /**
     * The pins of other VMs worth warning about: per VM, the union of its vCPU sets and, separately, its
     * emulator set, each counted only when it is narrower than every usable CPU (a part that may run anywhere
     * is not pinned). VMs with no pinned part are left out.
     */
    public static Map<String, CpuSet> pinnedElsewhere(Map<String, org.duovirt.core.model.VcpuPinning> others, CpuSet usable) {
        Map<String, CpuSet> out = new TreeMap<>();
        others.forEach((vm, pinning) -> {
            CpuSet vcpus = CpuSet.empty();
            for (var v : pinning.vcpus()) {
                vcpus = vcpus.union(v.hard());
            }
            CpuSet pinned = narrower(vcpus, usable).union(narrower(pinning.emulatorCpus(), usable));
            if (!pinned.isEmpty()) {
                out.put(vm, pinned);
            }
        });
        return out;
    }

    private static CpuSet narrower(CpuSet set, CpuSet usable) {
        return set == null || set.isEmpty() || usable.isSubsetOf(set) ? CpuSet.empty() : set;
    }

    public PinContext withOtherPins(Map<String, CpuSet> pins) {
        return new PinContext(topology, poolCpus, pins, memoryNodes);
    }

    public PinContext withPool(CpuSet pool) {
        return new PinContext(topology, pool, otherPins, memoryNodes);
    }

    public PinContext withMemoryNodes(Set<Integer> nodes) {
        return new PinContext(topology, poolCpus, otherPins, nodes);
    }

    /** CPUs pinned by any other VM. */
    public CpuSet otherPinnedCpus() {
        CpuSet all = CpuSet.empty();
        for (CpuSet s : otherPins.values()) {
            all = all.union(s);
        }
        return all;
    }

    public PhysicalCpu cpu(int id) {
        return topology.cpus().stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    /** The NUMA node of a CPU, -1 when the host does not say. */
    public int nodeOf(int cpu) {
        PhysicalCpu c = cpu(cpu);
        return c == null ? -1 : c.node();
    }
}
