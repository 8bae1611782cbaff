package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.pin.HostCores.Core;

/**
 * The presets as pure functions of (vCPU count, host, other VMs' pins). Only usable CPUs (online, in the
 * VM's cpupool) are ever chosen. The one-to-one presets give each vCPU one CPU and the emulator threads the
 * usable CPUs no vCPU took (all usable CPUs when none is left); where the hypervisor has soft affinity it
 * is set to the hard set, so the two layers agree until the user edits one.
 * <ul>
 * <li>compact: one vCPU per core, cores in order (node 0 first); more vCPUs than cores go onto SMT siblings.
 * <li>spread: one vCPU per core, cores taken across NUMA nodes in turn; then siblings the same way.
 * <li>numa:N: every vCPU and the emulator may run anywhere in node N.
 * <li>avoid-smt: one vCPU per core and never two busy threads of one core: cores another VM is pinned on
 *     come last; refused when the VM has more vCPUs than the host has cores.
 * <li>isolate: one vCPU per CPU no other VM is pinned to; refused when there are not enough such CPUs.
 * <li>none: every vCPU (and the emulator) on every usable CPU.
 * </ul>
 */
public final class PinPresets {
    private PinPresets() {
    }

    /**
     * @throws InvalidSpecException in one sentence when the host cannot give this preset
     */
    public static PinPlan plan(Preset preset, int vcpus, PinContext context, PinCapabilities caps) {
        if (vcpus < 1) {
            throw new InvalidSpecException("A VM to pin needs at least one vCPU.");
        }
        CpuSet usable = context.usableCpus();
        if (usable.isEmpty()) {
            throw new InvalidSpecException("The host has no online CPU this VM may use.");
        }
        List<Core> cores = HostCores.of(context);
        PinPlan plan = switch (preset.kind()) {
            case NONE -> PinPlan.uniform(vcpus, usable, usable);
            case NUMA -> numa(preset.node(), vcpus, context);
            case COMPACT -> oneToOne(firstThreadsThenSiblings(cores), vcpus, usable);
            case SPREAD -> oneToOne(firstThreadsThenSiblings(HostCores.interleaved(cores)), vcpus, usable);
            case AVOID_SMT -> avoidSmt(cores, vcpus, context, usable);
            case ISOLATE -> isolate(cores, vcpus, context);
        };
        if (!caps.emulator()) {
            plan = plan.withEmulator(null);
        }
        return caps.soft() ? plan.withSoftSets(plan.hard()) : plan;
    }

    private static List<Integer> firstThreadsThenSiblings(List<Core> cores) {
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < HostCores.maxThreads(cores); t++) {
            order.addAll(HostCores.threadRound(cores, t));
        }
        return order;
    }

    /** vCPU i on order[i], wrapping round when there are more vCPUs than CPUs (a warning says so). */
    private static PinPlan oneToOne(List<Integer> order, int vcpus, CpuSet pool) {
        List<CpuSet> hard = new ArrayList<>();
        CpuSet used = CpuSet.empty();
        for (int i = 0; i < vcpus; i++) {
            CpuSet one = CpuSet.of(order.get(i % order.size()));
            hard.add(one);
            used = used.union(one);
        }
        CpuSet rest = without(pool, used);
        return new PinPlan(hard, List.of(), rest.isEmpty() ? pool : rest);
    }

    private static PinPlan numa(int node, int vcpus, PinContext context) {
        CpuSet cpus = context.topology().cells().stream().filter(c -> c.id() == node).findFirst()
                .map(c -> c.cpus().intersect(context.usableCpus())).orElse(null);
        if (cpus == null) {
            throw new InvalidSpecException("The host has no NUMA node " + node + "; its nodes are "
                    + context.topology().cells().stream().map(c -> String.valueOf(c.id())).toList() + ".");
        }
        if (cpus.isEmpty()) {
            throw new InvalidSpecException("NUMA node " + node + " has no online CPU this VM may use.");
        }
        return PinPlan.uniform(vcpus, cpus, cpus);
    }

    private static PinPlan avoidSmt(List<Core> cores, int vcpus, PinContext context, CpuSet usable) {
        if (vcpus > cores.size()) {
            throw new InvalidSpecException("Avoiding SMT siblings needs one core per vCPU: the VM has " + vcpus
                    + " vCPUs, the host " + cores.size() + " usable cores.");
        }
        CpuSet busy = context.otherPinnedCpus();
        List<Integer> order = new ArrayList<>();
        cores.stream().filter(c -> c.threads().stream().noneMatch(busy::contains)).forEach(c -> order.add(c.threads().get(0)));
        cores.stream().filter(c -> c.threads().stream().anyMatch(busy::contains)).forEach(c -> order.add(c.threads().get(0)));
        PinPlan plan = oneToOne(order, vcpus, usable);
        // The emulator stays off the siblings of the vCPUs' cores as well, where that leaves it anything.
        CpuSet vcpuCores = CpuSet.empty();
        for (Core c : cores) {
            if (c.threads().stream().anyMatch(plan.hardUnion()::contains)) {
                vcpuCores = vcpuCores.union(CpuSet.of(c.threads()));
            }
        }
        CpuSet emulator = without(usable, vcpuCores);
        return emulator.isEmpty() ? plan : plan.withEmulator(emulator);
    }

    private static PinPlan isolate(List<Core> cores, int vcpus, PinContext context) {
        CpuSet busy = context.otherPinnedCpus();
        List<Integer> free = firstThreadsThenSiblings(cores).stream().filter(c -> !busy.contains(c)).toList();
        if (free.size() < vcpus) {
            throw new InvalidSpecException("Isolating " + vcpus + " vCPUs needs " + vcpus + " CPUs no other VM is pinned to; only "
                    + free.size() + " are free" + (free.isEmpty() ? "" : " (" + CpuSet.of(free) + ")") + ".");
        }
        return oneToOne(free, vcpus, CpuSet.of(free));
    }

    private static CpuSet without(CpuSet from, CpuSet remove) {
        CpuSet out = from;
        for (int c : remove.toList()) {
            out = out.without(c);
        }
        return out;
    }
}
