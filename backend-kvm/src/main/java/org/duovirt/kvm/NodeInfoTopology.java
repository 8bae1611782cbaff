package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.libvirt.NodeInfo;

/**
 * A topology from virNodeGetInfo's counts, for drivers whose capabilities list no NUMA cells (the test
 * driver with a custom node file): nodes × sockets × cores × threads, CPUs numbered node by node with the SMT
 * siblings of a core next to each other, memory split evenly. When the counts do not multiply out to the
 * CPU count, or there is one node, the host is one flat cell.
 */
final class NodeInfoTopology {
    private NodeInfoTopology() {
    }

    static CpuTopology of(NodeInfo node) {
        int nodes = Math.max(1, node.nodes);
        int sockets = Math.max(1, node.sockets);
        int cores = Math.max(1, node.cores);
        int threads = Math.max(1, node.threads);
        long product = (long) nodes * sockets * cores * threads;
        if (nodes == 1 || product != node.cpus) {
            return CpuTopology.flat(node.cpus, node.memory);
        }
        List<PhysicalCpu> cpus = new ArrayList<>();
        List<NumaCell> cells = new ArrayList<>();
        int id = 0;
        for (int n = 0; n < nodes; n++) {
            int first = id;
            for (int s = 0; s < sockets; s++) {
                for (int c = 0; c < cores; c++) {
                    CpuSet siblings = CpuSet.of(java.util.stream.IntStream.range(id, id + threads).boxed().toList());
                    for (int t = 0; t < threads; t++) {
                        cpus.add(new PhysicalCpu(id++, n * sockets + s, c, n, siblings, true));
                    }
                }
            }
            cells.add(new NumaCell(n, CpuSet.of(java.util.stream.IntStream.range(first, id).boxed().toList()), node.memory / nodes, 0));
        }
        return new CpuTopology(nodes * sockets, cores, threads, cells, cpus);
    }
}
