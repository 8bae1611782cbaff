package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.pin.PinWarning.Kind;

/** The warnings of a plan, as a pure function of (plan, host, other VMs' pins); in a stable order. */
public final class PinWarnings {
    private PinWarnings() {
    }

    public static List<PinWarning> of(PinPlan plan, PinContext context) {
        List<PinWarning> out = new ArrayList<>();
        sharedCpus(plan, out);
        numaSplit(plan, context, out);
        overlap(plan, context, out);
        for (int i = 0; i < plan.vcpuCount(); i++) {
            placement("vCPU " + i, plan.hard(i), context, out);
            if (plan.hasSoft()) {
                placement("The soft affinity of vCPU " + i, plan.soft(i), context, out);
            }
        }
        if (plan.emulator() != null) {
            placement("The emulator", plan.emulator(), context, out);
            emulatorShares(plan, context, out);
        }
        return out;
    }

    private static void sharedCpus(PinPlan plan, List<PinWarning> out) {
        Map<Integer, CpuSet> bySoleCpu = new TreeMap<>();
        for (int i = 0; i < plan.vcpuCount(); i++) {
            if (plan.hard(i).size() == 1) {
                bySoleCpu.merge(plan.hard(i).last(), CpuSet.of(i), CpuSet::union);
            }
        }
        bySoleCpu.forEach((cpu, vcpus) -> {
            if (vcpus.size() > 1) {
                out.add(PinWarning.of(Kind.SHARED_CPU, vcpus, cpu));
            }
        });
        CpuSet union = plan.hardUnion();
        if (plan.vcpuCount() > union.size() && bySoleCpu.values().stream().noneMatch(v -> v.size() > 1)) {
            out.add(PinWarning.of(Kind.OVERCOMMIT, plan.vcpuCount(), union.size(), union));
        }
    }

    private static void numaSplit(PinPlan plan, PinContext context, List<PinWarning> out) {
        if (context.memoryNodes().size() != 1) {
            return;
        }
        TreeSet<Integer> nodes = new TreeSet<>();
        plan.hardUnion().intersect(context.usableCpus()).stream().map(context::nodeOf).filter(n -> n >= 0).forEach(nodes::add);
        int memory = context.memoryNodes().iterator().next();
        if (nodes.size() > 1) {
            out.add(PinWarning.of(Kind.NUMA_SPLIT, join(nodes), memory));
        } else if (nodes.size() == 1 && nodes.first() != memory) {
            out.add(PinWarning.of(Kind.MEMORY_ELSEWHERE, nodes.first(), memory));
        }
    }

    private static void overlap(PinPlan plan, PinContext context, List<PinWarning> out) {
        CpuSet mine = plan.emulator() == null ? plan.hardUnion() : plan.hardUnion().union(plan.emulator());
        context.otherPins().forEach((vm, cpus) -> {
            CpuSet shared = cpus.intersect(mine);
            if (!shared.isEmpty()) {
                out.add(PinWarning.of(Kind.OVERLAP, vm, shared));
            }
        });
    }

    private static void placement(String what, CpuSet set, PinContext context, List<PinWarning> out) {
        CpuSet offline = set.intersect(context.offlineCpus());
        if (!offline.isEmpty() && !offline.equals(set)) {
            out.add(PinWarning.of(Kind.OFFLINE, what, offline));
        }
        if (context.poolCpus() != null) {
            CpuSet inHost = set.intersect(context.topology().allCpus());
            CpuSet outside = CpuSet.of(inHost.stream().filter(c -> !context.poolCpus().contains(c)).boxed().toList());
            if (!outside.isEmpty() && !outside.equals(set)) {
                out.add(PinWarning.of(Kind.OUTSIDE_POOL, what, outside, context.poolCpus()));
            }
        }
    }

    /** A pinned emulator (narrower than every usable CPU) that lands on vCPUs' CPUs competes with them. */
    private static void emulatorShares(PinPlan plan, PinContext context, List<PinWarning> out) {
        if (context.usableCpus().isSubsetOf(plan.emulator())) {
            return;
        }
        CpuSet shared = CpuSet.empty();
        CpuSet vcpus = CpuSet.empty();
        for (int i = 0; i < plan.vcpuCount(); i++) {
            CpuSet common = plan.hard(i).intersect(plan.emulator());
            if (!common.isEmpty()) {
                shared = shared.union(common);
                vcpus = vcpus.with(i);
            }
        }
        if (!vcpus.isEmpty()) {
            out.add(PinWarning.of(Kind.EMULATOR_SHARES, shared, vcpus));
        }
    }

    private static String join(TreeSet<Integer> nodes) {
        return String.join(",", nodes.stream().map(String::valueOf).toList());
    }
}
