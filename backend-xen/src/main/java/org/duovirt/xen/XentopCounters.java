package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XlStates;

/** Turns a xentop iteration into the SPI's counters (Domain-0 left out: it is the host). */
final class XentopCounters {
    private static final long NS = 1_000_000_000L;

    private XentopCounters() {
    }

    /** Step of {@code xl vcpu-list}'s Time(s) column: tenths of seconds. */
    static final long VCPU_LIST_STEP_NS = NS / 10;

    /** From xentop alone: per-vCPU times are whole seconds. */
    static StatsSample sample(XentopStream.Snapshot snapshot, Set<StatsGroup> groups, List<String> vms) {
        return sample(snapshot, groups, vms, null);
    }

    /**
     * @param vcpuTimes per domain, the vCPU times of {@code xl vcpu-list} (tenths of seconds), or null to use
     *                  xentop's whole seconds
     */
    static StatsSample sample(XentopStream.Snapshot snapshot, Set<StatsGroup> groups, List<String> vms,
                              java.util.Map<String, long[]> vcpuTimes) {
        List<VmCounters> out = new ArrayList<>();
        for (XentopDomain d : snapshot.domains()) {
            if (d.name().equals("Domain-0") || (!vms.isEmpty() && !vms.contains(d.name()))) {
                continue;
            }
            out.add(counters(d, groups, snapshot.cpuNs().get(d.name()), vcpuTimes == null ? null : vcpuTimes.get(d.name())));
        }
        long resolution = vcpuTimes == null ? NS : VCPU_LIST_STEP_NS;
        return new StatsSample(snapshot.time(), snapshot.monotonicNanos(), out, resolution);
    }

    static VmCounters counters(XentopDomain d, Set<StatsGroup> groups) {
        return counters(d, groups, null, null);
    }

    private static VmCounters counters(XentopDomain d, Set<StatsGroup> groups, Long preciseCpuNs, long[] vcpuListNs) {
        VmCounters.Builder b = VmCounters.builder(d.name(), null, XlStates.fromXentop(d.stateLetters()));
        if (groups.contains(StatsGroup.CPU)) {
            b.cpuTimeNs(preciseCpuNs != null ? preciseCpuNs : d.cpuSeconds() * NS);
        }
        if (groups.contains(StatsGroup.VCPU) && vcpuListNs != null) {
            b.vcpuTimeNs(vcpuListNs);
        } else if (groups.contains(StatsGroup.VCPU)) {
            long[] seconds = d.vcpuSeconds();
            long[] ns = new long[seconds.length];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = seconds[i] < 0 ? VmCounters.UNKNOWN : seconds[i] * NS;
            }
            b.vcpuTimeNs(ns);
        }
        if (groups.contains(StatsGroup.MEMORY)) {
            b.memory(d.memoryKiB(), VmCounters.UNKNOWN, VmCounters.UNKNOWN);
        }
        if (groups.contains(StatsGroup.BLOCK)) {
            b.block(d.vbdReadSectors() * 512, d.vbdWriteSectors() * 512, d.vbdReads(), d.vbdWrites());
        }
        if (groups.contains(StatsGroup.NET)) {
            if (d.nicRxBytes() >= 0) {
                b.net(d.nicRxBytes(), d.nicTxBytes(), d.nicRxPackets(), d.nicTxPackets());
            } else {
                b.net(d.netRxKiB() * 1024, d.netTxKiB() * 1024, VmCounters.UNKNOWN, VmCounters.UNKNOWN);
            }
        }
        return b.build();
    }
}
