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
    /** The CPU name QEMU gives its emulated ("max") CPU under TCG, e.g. "QEMU TCG CPU version 2.5+". */
    public static final String TCG_CPU = "QEMU TCG CPU";

    public HostInfo {
        supportedModes = Set.copyOf(supportedModes);
    }

    /**
     * True when the host itself runs on QEMU's emulated CPU (TCG), e.g. the Xen test host under QEMU: Xen there
     * reports VMX/SVM, but its HVM guests cannot run.
     */
    public boolean emulatedCpu() {
        return emulatedCpu(cpuModel);
    }

    /** The same test on a CPU name as /proc/cpuinfo gives it. */
    public static boolean emulatedCpu(String cpuModel) {
        return cpuModel != null && cpuModel.strip().startsWith(TCG_CPU);
    }
}
