package org.duovirt.core.model;

import org.duovirt.core.cpu.CpuSet;

/** One NUMA node of the host: its CPUs and memory (0 when the host does not say). */
public record NumaCell(int id, CpuSet cpus, long memoryKiB, long freeMemoryKiB) {
}
