package org.duovirt.xen;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.duovirt.xen.parse.NumaMemoryParser;
import org.duovirt.xen.transport.CommandResult;

/**
 * The NUMA nodes holding each running domain's memory, for the pinning warnings. Xen tells this only through
 * its NUMA debug key, whose dump goes to the hypervisor's console ring, so the dump is asked for only when a
 * domid is not known yet: a domain's memory is placed when it is built, and a reboot gives it a new domid. The
 * editor reads the pinning every few seconds; this keeps that from filling {@code xl dmesg}. When the dump
 * cannot be had (not root, an older xl), the placement is unknown and the warnings say nothing about it.
 */
final class XenMemoryNodes {
    /** One constant script: the dump, then the ring it went to. */
    private static final String DUMP = "xl debug-keys u >/dev/null 2>&1 && xl dmesg";
    private final XenDomains domains;
    private final Map<Integer, Set<Integer>> known = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    XenMemoryNodes(XenDomains domains) {
        this.domains = domains;
    }

    /** The nodes of this domid's memory; empty when unknown. Never throws. */
    Set<Integer> of(int domid) {
        Set<Integer> nodes = known.get(domid);
        if (nodes != null || unavailable) {
            return nodes == null ? Set.of() : nodes;
        }
        CommandResult dump = domains.xl().runner().run(List.of("sh", "-c", DUMP));
        if (!dump.ok()) {
            unavailable = true; // asked once per connection, not at every read
            return Set.of();
        }
        NumaMemoryParser.parse(dump.stdout()).forEach((id, n) -> known.put(id, Set.copyOf(n)));
        // a domid the dump does not show stays unknown, and is not asked about again
        return known.computeIfAbsent(domid, id -> Set.of());
    }
}
