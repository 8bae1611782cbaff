package org.duovirt.core.model;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;

/** The host's CPUs as sockets, cores, threads and NUMA cells. */
public record CpuTopology(int sockets, int coresPerSocket, int threadsPerCore,
                          List<NumaCell> cells, List<PhysicalCpu> cpus) {
    public CpuTopology {
        cells = List.copyOf(cells);
        cpus = List.copyOf(cpus);
    }

    public int cpuCount() {
        return cpus.size();
    }

    public CpuSet allCpus() {
        return CpuSet.of(cpus.stream().map(PhysicalCpu::id).toList());
    }

    /**
     * A flat topology for hosts that report only a CPU count: one socket, one NUMA cell, no SMT.
     */
    public static CpuTopology flat(int cpuCount, long memoryKiB) {
        List<PhysicalCpu> cpus = new java.util.ArrayList<>();
        for (int i = 0; i < cpuCount; i++) {
            cpus.add(new PhysicalCpu(i, 0, i, 0, CpuSet.of(i), true));
        }
        return new CpuTopology(1, cpuCount, 1, List.of(new NumaCell(0, CpuSet.firstN(cpuCount), memoryKiB, 0)), cpus);
    }
}
