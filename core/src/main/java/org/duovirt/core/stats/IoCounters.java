package org.duovirt.core.stats;

/**
 * Cumulative counters of one disk or one NIC of a VM. For a disk, "read" and "write" are what they say;
 * for a NIC, "read" is received (rx) and "write" is transmitted (tx), so one shape serves both and the
 * rate arithmetic is written once. A counter the backend could not read is {@link VmCounters#UNKNOWN}.
 *
 * @param device the device as the hypervisor names it (vda, xvda, vnet3, vif5.0)
 */
public record IoCounters(String device, long readBytes, long writeBytes, long readOps, long writeOps) {
}
