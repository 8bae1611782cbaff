package org.duovirt.kvm;

import java.util.List;
import java.util.Set;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.VirtMode;

/**
 * What libvirt's capabilities XML says about a host.
 *
 * @param cpuModel    the host CPU model name, or null when the driver does not say
 * @param arch        host architecture (x86_64)
 * @param topology    CPUs and NUMA cells; null when the XML has no cells
 * @param domainTypes domain types guests of the host's architecture may use (kvm, qemu, test …)
 * @param modes       {@link #domainTypes} as Duovirt modes (kvm → KVM, qemu → QEMU)
 */
record HostCapabilities(String cpuModel, String arch, CpuTopology topology, List<String> domainTypes,
                        Set<VirtMode> modes) {
    HostCapabilities {
        domainTypes = List.copyOf(domainTypes);
        modes = Set.copyOf(modes);
    }

    /** The domain type a new VM gets when the user did not choose: kvm when offered, else qemu, else any. */
    String defaultDomainType() {
        if (domainTypes.contains("kvm")) {
            return "kvm";
        }
        if (domainTypes.contains("qemu")) {
            return "qemu";
        }
        return domainTypes.isEmpty() ? "qemu" : domainTypes.get(0);
    }
}
