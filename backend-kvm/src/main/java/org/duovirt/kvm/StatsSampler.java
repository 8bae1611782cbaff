package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * Samples statistics with one bulk call per tick. Drivers whose bulk call reports less than asked
 * (the test driver gives only state.*) get the missing groups from the per-domain calls.
 */
final class StatsSampler {
    private final Domains domains;
    private final DeviceTargetCache targets = new DeviceTargetCache(System::nanoTime);

    StatsSampler(Domains domains) {
        this.domains = domains;
    }

    StatsSample sample(Set<StatsGroup> groups, List<String> vms) {
        String what = "Reading statistics on " + domains.uri();
        int stats = StatsRecordMapper.statsFlags(groups);
        List<BulkStats.Entry> entries;
        if (vms.isEmpty()) {
            entries = BulkStats.all(domains.connect(), stats, what);
        } else {
            List<Domain> wanted = new ArrayList<>();
            try {
                for (String vm : vms) {
                    Domain d = lookupOrNull(vm);
                    if (d == null) {
                        continue;
                    }
                    if (domains.host(what, d::isActive) == 1) {
                        wanted.add(d);
                    } else {
                        Domains.free(d);
                    }
                }
                entries = BulkStats.of(wanted, stats, what);
            } finally {
                wanted.forEach(Domains::free);
            }
        }
        List<VmCounters> out = new ArrayList<>(entries.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (BulkStats.Entry entry : entries) {
            Map<String, Object> params = new HashMap<>(entry.params());
            fillMissing(entry.name(), entry.uuid(), params, groups);
            out.add(StatsRecordMapper.toCounters(entry.name(), entry.uuid(), params, groups));
            seen.add(entry.name());
        }
        if (vms.isEmpty()) {
            targets.retain(seen);
        }
        return StatsSample.now(out);
    }

    /** A VM deleted since the caller listed it is simply absent from the sample, not an error for the tick. */
    private Domain lookupOrNull(String vm) {
        try {
            return domains.lookup(vm);
        } catch (org.duovirt.core.error.VmNotFoundException e) {
            return null;
        }
    }

    /** Adds what the bulk call left out, under the bulk call's own names, from the older per-domain calls. */
    private void fillMissing(String vm, String uuid, Map<String, Object> p, Set<StatsGroup> groups) {
        boolean cpu = groups.contains(StatsGroup.CPU) && !p.containsKey("cpu.time");
        boolean vcpu = groups.contains(StatsGroup.VCPU) && !p.containsKey("vcpu.current");
        boolean memory = groups.contains(StatsGroup.MEMORY) && !p.containsKey("balloon.current");
        boolean block = groups.contains(StatsGroup.BLOCK) && !p.containsKey("block.count");
        boolean net = groups.contains(StatsGroup.NET) && !p.containsKey("net.count");
        if (!(cpu || vcpu || memory || block || net)) {
            return;
        }
        try {
            domains.with(vm, "Reading statistics of VM '" + vm + "'", d -> {
                if (cpu || memory) {
                    org.libvirt.DomainInfo info = d.getInfo();
                    if (cpu) {
                        p.put("cpu.time", info.cpuTime);
                    }
                    if (memory) {
                        p.put("balloon.current", info.memory);
                    }
                }
                if (vcpu) {
                    org.libvirt.VcpuInfo[] infos = d.getVcpusInfo();
                    p.put("vcpu.current", (long) infos.length);
                    for (org.libvirt.VcpuInfo v : infos) {
                        p.put("vcpu." + v.number + ".time", v.cpuTime);
                    }
                }
                if (block || net) {
                    DeviceTargetCache.Targets t = targets.of(d, vm, uuid);
                    if (block) {
                        fillBlock(d, t.disks(), p);
                    }
                    if (net) {
                        fillNet(d, t.nics(), p);
                    }
                }
                return null;
            });
        } catch (org.duovirt.core.error.VmNotFoundException e) {
            // Gone since the bulk call: its counters stay unknown.
        }
    }

    private static void fillBlock(Domain d, List<String> disks, Map<String, Object> p) throws LibvirtException {
        int i = 0;
        for (String target : disks) {
            org.libvirt.DomainBlockStats s = d.blockStats(target);
            p.put("block." + i + ".name", target);
            p.put("block." + i + ".rd.bytes", s.rd_bytes);
            p.put("block." + i + ".wr.bytes", s.wr_bytes);
            p.put("block." + i + ".rd.reqs", s.rd_req);
            p.put("block." + i + ".wr.reqs", s.wr_req);
            i++;
        }
        p.put("block.count", (long) i);
    }

    private static void fillNet(Domain d, List<String> nics, Map<String, Object> p) throws LibvirtException {
        int i = 0;
        for (String target : nics) {
            org.libvirt.DomainInterfaceStats s = d.interfaceStats(target);
            p.put("net." + i + ".name", target);
            p.put("net." + i + ".rx.bytes", s.rx_bytes);
            p.put("net." + i + ".tx.bytes", s.tx_bytes);
            p.put("net." + i + ".rx.pkts", s.rx_packets);
            p.put("net." + i + ".tx.pkts", s.tx_packets);
            i++;
        }
        p.put("net.count", (long) i);
    }
}
