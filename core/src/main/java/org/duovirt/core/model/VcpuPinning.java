package org.duovirt.core.model;

import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;

/**
 * The pinning of all vCPUs of a VM.
 *
 * @param emulatorCpus CPUs of the emulator threads (QEMU); null where the hypervisor has no such thing
 * @param memoryNodes  the NUMA nodes the VM's memory is bound to (libvirt's {@code <numatune>}) or lies on (Xen); empty when
 *                     unknown or unbound
 */
public record VcpuPinning(List<VcpuAffinity> vcpus, CpuSet emulatorCpus, Set<Integer> memoryNodes) {
    public VcpuPinning {
        vcpus = List.copyOf(vcpus);
        memoryNodes = Set.copyOf(memoryNodes);
    }

    /** A pinning with no known memory placement. */
    public VcpuPinning(List<VcpuAffinity> vcpus, CpuSet emulatorCpus) {
        this(vcpus, emulatorCpus, Set.of());
    }
}
