package org.duovirt.core.model;

import java.util.Set;

/**
 * What a host is and what it has.
 *
 * @param hypervisor        "QEMU", "Xen", "Test" …
 * @param hypervisorVersion dotted version as the hypervisor reports it
 * @param supportedModes    the virtualization modes new VMs may use on this host
 */
public record HostInfo(String hostname, String hypervisor, String hypervisorVersion, String cpuModel,
                       long totalMemoryKiB, long freeMemoryKiB, CpuTopology topology, Set<VirtMode> supportedModes) {
    public HostInfo {
        supportedModes = Set.copyOf(supportedModes);
    }
}
