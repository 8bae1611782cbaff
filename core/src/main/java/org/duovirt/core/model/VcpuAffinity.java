package org.duovirt.core.model;

import org.duovirt.core.cpu.CpuSet;

/**
 * Where one vCPU may run and where it runs now.
 *
 * @param hard       CPUs the vCPU is allowed on (hard affinity)
 * @param soft       CPUs the scheduler prefers (Xen soft affinity); null where the hypervisor has none
 * @param currentCpu the physical CPU it ran on last, -1 when the VM is not running or the vCPU is offline
 */
public record VcpuAffinity(int vcpu, CpuSet hard, CpuSet soft, int currentCpu) {
}
