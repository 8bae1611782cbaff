package org.duovirt.core.stats;

/**
 * Rates of one VM between two samples. A rate that cannot be computed (counter unknown, VM restarted,
 * first sample) is {@link Double#NaN}; memory figures are point values, -1 when unknown.
 *
 * @param cpuPercent  guest CPU time over wall time, relative to one physical CPU (up to 100 × vCPUs)
 * @param vcpuPercent per vCPU, each relative to one physical CPU (0–100)
 */
public record VmRates(String name, double cpuPercent, double[] vcpuPercent, long memoryUsedMiB,
                      double diskReadBps, double diskWriteBps, double netRxBps, double netTxBps) {
    public VmRates {
        vcpuPercent = vcpuPercent.clone();
    }

    @Override
    public double[] vcpuPercent() {
        return vcpuPercent.clone();
    }
}
