package org.duovirt.core.stats;

/**
 * Rates of one disk (read/write) or one NIC (read = rx, write = tx) between two samples; NaN when unknown.
 *
 * @param readOps requests per second for a disk, packets per second for a NIC
 */
public record IoRates(String device, double readBps, double writeBps, double readOps, double writeOps) {
}
