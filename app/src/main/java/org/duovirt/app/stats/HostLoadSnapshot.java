package org.duovirt.app.stats;

import java.time.Instant;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.stats.HostCpuRates;

/**
 * The newest tick of a host's own load, immutable, read on the UI thread.
 *
 * @param topology       the host's CPUs as it reported them (null until the host answered once)
 * @param cpus           per-CPU load and placement since the previous tick (null on the first tick, or when the
 *                       backend has no per-CPU figures)
 * @param totalMemoryKiB the host's memory, 0 when unknown
 * @param freeMemoryKiB  free now, 0 when the host does not say (libvirt's test driver)
 */
public record HostLoadSnapshot(long tick, Instant time, CpuTopology topology, HostCpuRates cpus,
                               long totalMemoryKiB, long freeMemoryKiB) {
    public static final HostLoadSnapshot NONE = new HostLoadSnapshot(0, Instant.EPOCH, null, null, 0, 0);

    /** Memory in use in MiB, or NaN when the host does not tell its free memory. */
    public double usedMemoryMiB() {
        return totalMemoryKiB <= 0 || freeMemoryKiB <= 0 ? Double.NaN : (totalMemoryKiB - freeMemoryKiB) / 1024.0;
    }
}
