package org.duovirt.kvm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * The disk and NIC targets of each VM for the per-domain stats fallback (drivers whose bulk call leaves block
 * and net out: the test driver). Reading them means fetching and parsing the domain XML, which every tick for
 * 1,000 VMs was half of the stats thread's time (profile in docs/benchmarks.md); the targets change only when
 * a device is plugged, so they are read again after {@link #TTL_NANOS} (a hot-plugged disk shows within 30 s).
 */
final class DeviceTargetCache {
    static final long TTL_NANOS = 30_000_000_000L;
    private final Map<String, Entry> byVm = new ConcurrentHashMap<>();
    private final LongSupplier nanos;

    DeviceTargetCache(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** The targets: disks with a source as "vda"…, NICs as "vnet0"…; cached per VM name and UUID. */
    Targets of(Domain d, String vm, String uuid) throws LibvirtException {
        long now = nanos.getAsLong();
        Entry e = byVm.get(vm);
        if (e != null && e.uuid().equals(uuid) && now - e.readAt() < TTL_NANOS) {
            return e.targets();
        }
        DomainDescription description = DomainXmlReader.read(d.getXMLDesc(0));
        List<String> disks = description.disks().stream().filter(x -> x.target() != null && x.source() != null)
                .map(x -> x.target()).toList();
        Targets t = new Targets(disks, description.nicTargets());
        byVm.put(vm, new Entry(uuid == null ? "" : uuid, now, t));
        return t;
    }

    /** Forgets VMs no longer sampled (deleted or renamed). */
    void retain(java.util.Set<String> vms) {
        byVm.keySet().retainAll(vms);
    }

    record Targets(List<String> disks, List<String> nics) {
    }

    private record Entry(String uuid, long readAt, Targets targets) {
    }
}
