package org.duovirt.core.model;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;

/**
 * The pinning of all vCPUs of a VM.
 *
 * @param emulatorCpus CPUs of the emulator threads (QEMU); null where the hypervisor has no such thing
 */
public record VcpuPinning(List<VcpuAffinity> vcpus, CpuSet emulatorCpus) {
    public VcpuPinning {
        vcpus = List.copyOf(vcpus);
    }
}
