package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;

/**
 * Host topologies numbered the way Linux numbers them: first threads of every core across all sockets,
 * then the second threads (CPU i and i + cores are SMT siblings); one NUMA node per socket unless told.
 */
public final class Topologies {
    private Topologies() {
    }

    public static CpuTopology of(int sockets, int coresPerSocket, int threads, int nodes, CpuSet offline) {
        int cores = sockets * coresPerSocket;
        List<PhysicalCpu> cpus = new ArrayList<>();
        List<List<Integer>> nodeCpus = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            nodeCpus.add(new ArrayList<>());
        }
        for (int t = 0; t < threads; t++) {
            for (int core = 0; core < cores; core++) {
                int id = t * cores + core;
                int socket = core / coresPerSocket;
                int node = core * nodes / cores;
                List<Integer> siblings = new ArrayList<>();
                for (int s = 0; s < threads; s++) {
                    siblings.add(s * cores + core);
                }
                cpus.add(new PhysicalCpu(id, socket, core % coresPerSocket, node, CpuSet.of(siblings), !offline.contains(id)));
                nodeCpus.get(node).add(id);
            }
        }
        List<NumaCell> cells = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            cells.add(new NumaCell(n, CpuSet.of(nodeCpus.get(n)), 16L << 20, 8L << 20));
        }
        return new CpuTopology(sockets, coresPerSocket, threads, cells, cpus);
    }

    /** 1 socket, 4 cores, no SMT, one node. */
    public static CpuTopology oneSocket() {
        return of(1, 4, 1, 1, CpuSet.empty());
    }

    /** 2 sockets × 8 cores × 2 threads in 2 nodes: CPUs 0-7 + 16-23 on node 0, 8-15 + 24-31 on node 1. */
    public static CpuTopology twoSockets() {
        return of(2, 8, 2, 2, CpuSet.empty());
    }

    /** 4 sockets × 4 cores, no SMT, 4 nodes of 4 CPUs. */
    public static CpuTopology fourNodes() {
        return of(4, 4, 1, 4, CpuSet.empty());
    }

    /** The Xen test host: 4 CPUs, 2 nodes (0-1, 2-3), no SMT. */
    public static CpuTopology xenHost() {
        return of(1, 4, 1, 2, CpuSet.empty());
    }
}
