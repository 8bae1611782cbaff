package org.duovirt.kvm;

import java.util.Map;
import java.util.Set;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.VmCounters;

/**
 * Maps one domain's statistics, named as virConnectGetAllDomainStats names them (cpu.time,
 * vcpu.0.time, balloon.current, block.0.rd.bytes …), to {@link VmCounters}. Groups not asked for, or
 * not reported, stay {@link VmCounters#UNKNOWN}.
 */
final class StatsRecordMapper {
    private StatsRecordMapper() {
    }

    /** The libvirt stats groups to ask for; state is always included (it names the VM's state). */
    static int statsFlags(Set<StatsGroup> groups) {
        int flags = LibvirtNative.VIR_DOMAIN_STATS_STATE;
        for (StatsGroup group : groups) {
            flags |= switch (group) {
                case CPU -> LibvirtNative.VIR_DOMAIN_STATS_CPU_TOTAL;
                case VCPU -> LibvirtNative.VIR_DOMAIN_STATS_VCPU;
                case MEMORY -> LibvirtNative.VIR_DOMAIN_STATS_BALLOON;
                case BLOCK -> LibvirtNative.VIR_DOMAIN_STATS_BLOCK;
                case NET -> LibvirtNative.VIR_DOMAIN_STATS_INTERFACE;
            };
        }
        return flags;
    }

    static VmCounters toCounters(String name, String uuid, Map<String, Object> p, Set<StatsGroup> groups) {
        long state = number(p, "state.state");
        VmCounters.Builder b = VmCounters.builder(name, uuid,
                state == VmCounters.UNKNOWN ? VmState.OTHER : StateMapping.state((int) state));
        if (groups.contains(StatsGroup.CPU)) {
            b.cpuTimeNs(number(p, "cpu.time"));
        }
        if (groups.contains(StatsGroup.VCPU)) {
            b.vcpuTimeNs(vcpuTimes(p));
        }
        if (groups.contains(StatsGroup.MEMORY)) {
            long available = number(p, "balloon.available");
            long unused = number(p, "balloon.unused");
            long used = available != VmCounters.UNKNOWN && unused != VmCounters.UNKNOWN ? available - unused
                    : VmCounters.UNKNOWN;
            b.memory(number(p, "balloon.current"), available, used);
        }
        if (groups.contains(StatsGroup.BLOCK)) {
            long count = number(p, "block.count");
            b.block(sum(p, "block", count, "rd.bytes"), sum(p, "block", count, "wr.bytes"),
                    sum(p, "block", count, "rd.reqs"), sum(p, "block", count, "wr.reqs"));
            for (int i = 0; i < count; i++) {
                String at = "block." + i + ".";
                b.disk(device(p, at, i), number(p, at + "rd.bytes"), number(p, at + "wr.bytes"),
                        number(p, at + "rd.reqs"), number(p, at + "wr.reqs"));
            }
        }
        if (groups.contains(StatsGroup.NET)) {
            long count = number(p, "net.count");
            b.net(sum(p, "net", count, "rx.bytes"), sum(p, "net", count, "tx.bytes"),
                    sum(p, "net", count, "rx.pkts"), sum(p, "net", count, "tx.pkts"));
            for (int i = 0; i < count; i++) {
                String at = "net." + i + ".";
                b.nic(device(p, at, i), number(p, at + "rx.bytes"), number(p, at + "tx.bytes"),
                        number(p, at + "rx.pkts"), number(p, at + "tx.pkts"));
            }
        }
        return b.build();
    }

    /** vcpu.N.time for N below vcpu.maximum (or vcpu.current); an offline vCPU's entry is UNKNOWN. */
    private static long[] vcpuTimes(Map<String, Object> p) {
        long count = number(p, "vcpu.maximum");
        if (count == VmCounters.UNKNOWN) {
            count = number(p, "vcpu.current");
        }
        if (count == VmCounters.UNKNOWN) {
            return new long[0];
        }
        long[] times = new long[(int) count];
        for (int i = 0; i < times.length; i++) {
            times[i] = number(p, "vcpu." + i + ".time");
        }
        return times;
    }

    /** The sum of prefix.N.suffix over N below count; UNKNOWN when the group was not reported at all. */
    private static long sum(Map<String, Object> p, String prefix, long count, String suffix) {
        if (count == VmCounters.UNKNOWN) {
            return VmCounters.UNKNOWN;
        }
        long total = 0;
        boolean any = count == 0;
        for (int i = 0; i < count; i++) {
            long value = number(p, prefix + "." + i + "." + suffix);
            if (value != VmCounters.UNKNOWN) {
                total += value;
                any = true;
            }
        }
        return any ? total : VmCounters.UNKNOWN;
    }

    /** block.N.name / net.N.name (vda, vnet3); the index when the driver does not name it. */
    private static String device(Map<String, Object> p, String at, int i) {
        Object name = p.get(at + "name");
        return name instanceof String s && !s.isBlank() ? s : Integer.toString(i);
    }

    private static long number(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d.longValue();
        }
        return VmCounters.UNKNOWN;
    }
}
