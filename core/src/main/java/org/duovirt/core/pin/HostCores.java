package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.PhysicalCpu;

/**
 * The host's usable CPUs as physical cores (SMT siblings together), ordered by NUMA node, socket and first
 * CPU: the order every preset walks.
 */
final class HostCores {
    /** One physical core: its node and its usable threads, lowest first. */
    record Core(int node, int socket, List<Integer> threads) {
    }

    private HostCores() {
    }

    static List<Core> of(PinContext context) {
        CpuSet usable = context.usableCpus();
        Map<CpuSet, List<PhysicalCpu>> bySiblings = new LinkedHashMap<>();
        context.topology().cpus().stream().filter(c -> usable.contains(c.id()))
                .sorted(Comparator.comparingInt(PhysicalCpu::id))
                .forEach(c -> bySiblings.computeIfAbsent(siblingsKey(c), k -> new ArrayList<>()).add(c));
        List<Core> cores = new ArrayList<>();
        for (List<PhysicalCpu> threads : bySiblings.values()) {
            PhysicalCpu first = threads.get(0);
            cores.add(new Core(first.node(), first.socket(), threads.stream().map(PhysicalCpu::id).toList()));
        }
        cores.sort(Comparator.comparingInt(Core::node).thenComparingInt(Core::socket)
                .thenComparingInt(c -> c.threads().get(0)));
        return cores;
    }

    /** A host that reports no siblings (or a bad list) gets one core per CPU. */
    private static CpuSet siblingsKey(PhysicalCpu c) {
        return c.siblings() != null && c.siblings().contains(c.id()) ? c.siblings() : CpuSet.of(c.id());
    }

    /** Thread {@code t} of every core that has one, in core order. */
    static List<Integer> threadRound(List<Core> cores, int t) {
        return cores.stream().filter(c -> c.threads().size() > t).map(c -> c.threads().get(t)).toList();
    }

    /** Cores interleaved across NUMA nodes: node 0's first, node 1's first, node 0's second … */
    static List<Core> interleaved(List<Core> cores) {
        Map<Integer, List<Core>> byNode = new LinkedHashMap<>();
        cores.forEach(c -> byNode.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c));
        List<Core> out = new ArrayList<>();
        for (int i = 0; out.size() < cores.size(); i++) {
            for (List<Core> nodeCores : byNode.values()) {
                if (i < nodeCores.size()) {
                    out.add(nodeCores.get(i));
                }
            }
        }
        return out;
    }

    static int maxThreads(List<Core> cores) {
        return cores.stream().mapToInt(c -> c.threads().size()).max().orElse(0);
    }
}
