package org.duovirt.xen.parse;

/**
 * One domain of one xentop iteration. Units as xentop prints them: CPU in whole seconds, memory and
 * the NETTX/NETRX totals in KiB; the per-NIC lines ({@code -n}) add exact bytes and packets.
 *
 * @param cpuPercent   CPU(%): xentop computes it from the hypervisor's nanosecond counters over its own
 *                     interval, so it is the precise figure where CPU(sec) is whole seconds; 0 in the first
 *                     iteration; above 100 for a guest with several busy vCPUs
 * @param maxMemoryKiB -1 for {@code no limit}
 * @param vcpuSeconds  per vCPU ({@code -v}), index = vCPU number, -1 for an offline vCPU
 * @param nicRxBytes   sum over the per-NIC lines, -1 without {@code -n}
 */
public record XentopDomain(String name, String stateLetters, long cpuSeconds, double cpuPercent, long memoryKiB, long maxMemoryKiB,
                           int vcpus, long netTxKiB, long netRxKiB, long vbdReads, long vbdWrites,
                           long vbdReadSectors, long vbdWriteSectors, long[] vcpuSeconds,
                           long nicRxBytes, long nicTxBytes, long nicRxPackets, long nicTxPackets) {
    public XentopDomain {
        vcpuSeconds = vcpuSeconds.clone();
    }

    @Override
    public long[] vcpuSeconds() {
        return vcpuSeconds.clone();
    }
}
