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

    static StatsSample sample(XentopStream.Snapshot snapshot, Set<StatsGroup> groups, List<String> vms) {
        List<VmCounters> out = new ArrayList<>();
        for (XentopDomain d : snapshot.domains()) {
            if (d.name().equals("Domain-0") || (!vms.isEmpty() && !vms.contains(d.name()))) {
                continue;
            }
            out.add(counters(d, groups));
        }
        return new StatsSample(snapshot.time(), snapshot.monotonicNanos(), out);
    }

    static VmCounters counters(XentopDomain d, Set<StatsGroup> groups) {
        VmCounters.Builder b = VmCounters.builder(d.name(), null, XlStates.fromXentop(d.stateLetters()));
        if (groups.contains(StatsGroup.CPU)) {
            b.cpuTimeNs(d.cpuSeconds() * NS);
        }
        if (groups.contains(StatsGroup.VCPU)) {
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
