package org.duovirt.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duovirt.core.model.VmState;

/**
 * Cumulative counters of one VM at one instant, as the hypervisor reports them. Rates come from
 * two of these ({@link RateCalculator}). A counter the backend could not read is {@link #UNKNOWN}.
 *
 * @param cpuTimeNs         total guest CPU time, all vCPUs
 * @param vcpuTimeNs        per-vCPU CPU time, index = vCPU number; empty when not sampled
 * @param memoryCurrentKiB  memory the guest has now (balloon current)
 * @param memoryAvailableKiB memory the guest sees as total (inside the guest), or UNKNOWN
 * @param memoryUsedKiB     memory in use inside the guest (available - unused), or UNKNOWN
 * @param disks             per disk, in the domain's order; the block totals are their sums
 * @param nics              per NIC (read = rx, write = tx); the net totals are their sums
 */
public record VmCounters(String name, String uuid, VmState state,
                         long cpuTimeNs, long[] vcpuTimeNs,
                         long memoryCurrentKiB, long memoryAvailableKiB, long memoryUsedKiB,
                         long blockReadBytes, long blockWriteBytes, long blockReadRequests, long blockWriteRequests,
                         long netRxBytes, long netTxBytes, long netRxPackets, long netTxPackets,
                         List<IoCounters> disks, List<IoCounters> nics) {
    public static final long UNKNOWN = -1;

    public VmCounters {
        vcpuTimeNs = vcpuTimeNs == null ? new long[0] : vcpuTimeNs.clone();
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
    }

    @Override
    public long[] vcpuTimeNs() {
        return vcpuTimeNs.clone();
    }

    public int vcpuCount() {
        return vcpuTimeNs.length;
    }

    public long vcpuTimeNs(int vcpu) {
        return vcpuTimeNs[vcpu];
    }

    /** A builder-style start for backends that fill counters group by group. */
    public static Builder builder(String name, String uuid, VmState state) {
        return new Builder(name, uuid, state);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmCounters c && name.equals(c.name) && java.util.Objects.equals(uuid, c.uuid)
                && state == c.state && cpuTimeNs == c.cpuTimeNs && Arrays.equals(vcpuTimeNs, c.vcpuTimeNs)
                && memoryCurrentKiB == c.memoryCurrentKiB && memoryAvailableKiB == c.memoryAvailableKiB
                && memoryUsedKiB == c.memoryUsedKiB && blockReadBytes == c.blockReadBytes
                && blockWriteBytes == c.blockWriteBytes && blockReadRequests == c.blockReadRequests
                && blockWriteRequests == c.blockWriteRequests && netRxBytes == c.netRxBytes
                && netTxBytes == c.netTxBytes && netRxPackets == c.netRxPackets && netTxPackets == c.netTxPackets
                && disks.equals(c.disks) && nics.equals(c.nics);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, uuid, state, cpuTimeNs, Arrays.hashCode(vcpuTimeNs));
    }

    @Override
    public String toString() {
        return "VmCounters[" + name + " " + state + " cpu=" + cpuTimeNs + "ns vcpus=" + Arrays.toString(vcpuTimeNs)
                + " mem=" + memoryCurrentKiB + "/" + memoryAvailableKiB + "/" + memoryUsedKiB + "KiB blk="
                + blockReadBytes + "/" + blockWriteBytes + " net=" + netRxBytes + "/" + netTxBytes + "]";
    }

    /** Mutable accumulator; every counter starts UNKNOWN. */
    public static final class Builder {
        private final String name;
        private final String uuid;
        private final VmState state;
        private long cpuTimeNs = UNKNOWN;
        private long[] vcpuTimeNs = new long[0];
        private long memoryCurrentKiB = UNKNOWN;
        private long memoryAvailableKiB = UNKNOWN;
        private long memoryUsedKiB = UNKNOWN;
        private long blockReadBytes = UNKNOWN;
        private long blockWriteBytes = UNKNOWN;
        private long blockReadRequests = UNKNOWN;
        private long blockWriteRequests = UNKNOWN;
        private long netRxBytes = UNKNOWN;
        private long netTxBytes = UNKNOWN;
        private long netRxPackets = UNKNOWN;
        private long netTxPackets = UNKNOWN;
        private final List<IoCounters> disks = new ArrayList<>();
        private final List<IoCounters> nics = new ArrayList<>();

        private Builder(String name, String uuid, VmState state) {
            this.name = name;
            this.uuid = uuid;
            this.state = state;
        }

        public Builder cpuTimeNs(long v) { cpuTimeNs = v; return this; }
        public Builder vcpuTimeNs(long[] v) { vcpuTimeNs = v; return this; }
        public Builder memory(long currentKiB, long availableKiB, long usedKiB) {
            memoryCurrentKiB = currentKiB;
            memoryAvailableKiB = availableKiB;
            memoryUsedKiB = usedKiB;
            return this;
        }
        public Builder block(long readBytes, long writeBytes, long readReqs, long writeReqs) {
            blockReadBytes = readBytes;
            blockWriteBytes = writeBytes;
            blockReadRequests = readReqs;
            blockWriteRequests = writeReqs;
            return this;
        }
        public Builder net(long rxBytes, long txBytes, long rxPackets, long txPackets) {
            netRxBytes = rxBytes;
            netTxBytes = txBytes;
            netRxPackets = rxPackets;
            netTxPackets = txPackets;
            return this;
        }

        /** One disk; when no totals were given, {@link #build()} sums the disks. */
        public Builder disk(String device, long readBytes, long writeBytes, long readReqs, long writeReqs) {
            disks.add(new IoCounters(device, readBytes, writeBytes, readReqs, writeReqs));
            return this;
        }

        /** One NIC (received, transmitted); when no totals were given, {@link #build()} sums the NICs. */
        public Builder nic(String device, long rxBytes, long txBytes, long rxPackets, long txPackets) {
            nics.add(new IoCounters(device, rxBytes, txBytes, rxPackets, txPackets));
            return this;
        }

        public VmCounters build() {
            if (!disks.isEmpty() && blockReadBytes == UNKNOWN && blockWriteBytes == UNKNOWN) {
                block(sum(disks, IoCounters::readBytes), sum(disks, IoCounters::writeBytes),
                        sum(disks, IoCounters::readOps), sum(disks, IoCounters::writeOps));
            }
            if (!nics.isEmpty() && netRxBytes == UNKNOWN && netTxBytes == UNKNOWN) {
                net(sum(nics, IoCounters::readBytes), sum(nics, IoCounters::writeBytes),
                        sum(nics, IoCounters::readOps), sum(nics, IoCounters::writeOps));
            }
            return new VmCounters(name, uuid, state, cpuTimeNs, vcpuTimeNs, memoryCurrentKiB, memoryAvailableKiB,
                    memoryUsedKiB, blockReadBytes, blockWriteBytes, blockReadRequests, blockWriteRequests,
                    netRxBytes, netTxBytes, netRxPackets, netTxPackets, disks, nics);
        }

        /** The sum of the known values; UNKNOWN when none is known. */
        private static long sum(List<IoCounters> devices, java.util.function.ToLongFunction<IoCounters> field) {
            long total = 0;
            boolean any = false;
            for (IoCounters d : devices) {
                long v = field.applyAsLong(d);
                if (v != UNKNOWN) {
                    total += v;
                    any = true;
                }
            }
            return any ? total : UNKNOWN;
        }
    }
}
