package org.duovirt.core.stats;

import java.util.List;

/**
 * Rates of one VM between two samples. A rate that cannot be computed (counter unknown, VM restarted,
 * first sample) is {@link Double#NaN}; memory figures are point values, -1 when unknown.
 *
 * @param cpuPercent         guest CPU time over wall time, relative to one physical CPU (up to 100 × vCPUs)
 * @param vcpuPercent        per vCPU, each relative to one physical CPU (0–100)
 * @param memoryUsedMiB      in use inside the guest, else what the guest has now (balloon current)
 * @param diskReadOps        read requests per second, all disks
 * @param netRxPackets       packets received per second, all NICs
 * @param memoryAvailableMiB what the guest sees as its total, -1 when the guest does not report it
 * @param memoryBalloonMiB   what the guest has now (balloon current), -1 when unknown
 * @param vcpuWindowSeconds  0 when the vCPU rates cover this tick only; else the longer window they were
 *                           averaged over because the hypervisor's per-vCPU counters are coarse
 */
public record VmRates(String name, double cpuPercent, double[] vcpuPercent, long memoryUsedMiB,
                      double diskReadBps, double diskWriteBps, double netRxBps, double netTxBps,
                      double diskReadOps, double diskWriteOps, double netRxPackets, double netTxPackets,
                      long memoryAvailableMiB, long memoryBalloonMiB, List<IoRates> disks, List<IoRates> nics,
                      double vcpuWindowSeconds) {
    public VmRates {
        vcpuPercent = vcpuPercent.clone();
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    @Override
    public double[] vcpuPercent() {
        return vcpuPercent.clone();
    }

    /** The number of vCPUs these rates cover (0 when per-vCPU figures were not sampled). */
    public int vcpuCount() {
        return vcpuPercent.length;
    }

    public double vcpuPercent(int vcpu) {
        return vcpuPercent[vcpu];
    }
}
