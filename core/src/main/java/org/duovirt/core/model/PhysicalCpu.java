package org.duovirt.core.model;

import org.duovirt.core.cpu.CpuSet;

/**
 * One logical CPU of the host.
 *
 * @param siblings the logical CPUs sharing this CPU's core (SMT threads), itself included
 * @param online   false for a CPU the host has taken offline
 */
public record PhysicalCpu(int id, int socket, int core, int node, CpuSet siblings, boolean online) {
}
