package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.stats.HostCpuSample;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.VcpuInfo;

/**
 * Where the vCPUs of every running VM are now (virDomainGetVcpus, what `virsh vcpuinfo` prints), for the host
 * overview and `duovirt host-stats`. A VM that stops between the listing and the question is skipped.
 */
final class VcpuPlacement {
    private static final int LIST_ACTIVE = 1;

    private VcpuPlacement() {
    }

    static List<HostCpuSample.PlacedVcpu> read(Domains domains) {
        Domain[] active = domains.host("Listing the running VMs of " + domains.uri(),
                () -> domains.connect().listAllDomains(LIST_ACTIVE));
        List<HostCpuSample.PlacedVcpu> out = new ArrayList<>();
        for (Domain d : active) {
            try {
                String name = d.getName();
                for (VcpuInfo v : d.getVcpusInfo()) {
                    out.add(new HostCpuSample.PlacedVcpu(name, v.number, v.cpu, v.cpuTime));
                }
            } catch (LibvirtException e) {
                // Stopped or undefined since the listing: it runs nowhere now.
            } finally {
                Domains.free(d);
            }
        }
        return out;
    }

    /** The per-CPU sample with the placement of every running vCPU added. */
    static HostCpuSample withPlacement(HostCpuSample cpus, Domains domains) {
        return new HostCpuSample(cpus.timestamp(), cpus.monotonicNanos(), cpus.cpus(), read(domains));
    }
}
