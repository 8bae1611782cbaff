package org.duovirt.core.limits;

/**
 * What a host allows one VM: the hypervisor's vCPU maximum for it (libvirt's domain capabilities,
 * xl's physical CPU count) and the host's memory.
 *
 * @param maxVcpus      the most vCPUs the VM may be given
 * @param hostMemoryMiB the host's total memory
 */
public record VmLimits(int maxVcpus, long hostMemoryMiB) {
}
