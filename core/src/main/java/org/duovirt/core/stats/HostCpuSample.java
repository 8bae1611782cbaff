package org.duovirt.core.stats;

import java.time.Instant;
import java.util.List;

/**
 * Cumulative CPU figures of a host's physical CPUs at one instant, as its toolstack gives them.
 *
 * @param cpus   per physical CPU; busy and idle are {@link VmCounters#UNKNOWN} where the toolstack does not
 *               count them (Xen's xl), and the busy share is then the CPU time of the vCPUs found on it
 * @param vcpus  where each vCPU runs now and its CPU time, where the backend knows it (Xen: xl vcpu-list)
 */
public record HostCpuSample(Instant timestamp, long monotonicNanos, List<Cpu> cpus, List<PlacedVcpu> vcpus) {
    public HostCpuSample {
        cpus = List.copyOf(cpus);
        vcpus = List.copyOf(vcpus);
    }

    /** One physical CPU: busy (user + kernel) and idle (idle + iowait) nanoseconds since boot. */
    public record Cpu(int cpu, long busyNs, long idleNs) {
    }

    /** vCPU {@code vcpu} of {@code vm} runs on physical CPU {@code cpu} (-1: not running) and has used {@code timeNs}. */
    public record PlacedVcpu(String vm, int vcpu, int cpu, long timeNs) {
    }
}
