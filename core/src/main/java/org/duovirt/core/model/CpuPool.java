package org.duovirt.core.model;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;

/** A Xen cpupool: a set of physical CPUs with its own scheduler and the VMs placed in it. */
public record CpuPool(String name, CpuSet cpus, String scheduler, List<String> vms) {
    public CpuPool {
        vms = List.copyOf(vms);
    }
}
