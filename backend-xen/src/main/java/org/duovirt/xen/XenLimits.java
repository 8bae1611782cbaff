package org.duovirt.xen;

import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.VmLimits;
import org.duovirt.xen.parse.XlInfoParser;

/**
 * The host's bounds for a VM, from {@code xl info}: at most as many vCPUs as the host has physical
 * CPUs (xl vcpu-set refuses more without overcommitting, and Duovirt does not overcommit), and the
 * host's total memory. Read once per connection; they do not change while connected.
 */
final class XenLimits {
    private final XenDomains domains;
    private volatile VmLimits limits;

    XenLimits(XenDomains domains) {
        this.domains = domains;
    }

    VmLimits limits() {
        VmLimits l = limits;
        if (l == null) {
            var info = XlInfoParser.parse(domains.xl().query("read the host information", null, "info", "-n"));
            var host = XlInfoParser.hostInfo(info, null);
            l = new VmLimits(Math.min(host.topology().cpuCount(), Bounds.ABSOLUTE_MAX_VCPUS), host.totalMemoryKiB() / 1024);
            limits = l;
        }
        return l;
    }

    void requireVcpus(int count) {
        Bounds.require(count < 1 ? Bounds.vcpus(count, 1) : Bounds.vcpus(count, limits().maxVcpus()));
    }

    void requireMemory(long mib) {
        Problem p = Bounds.memory(mib, Long.MAX_VALUE);
        Bounds.require(p != null ? p : Bounds.memory(mib, limits().hostMemoryMiB()));
    }

    /**
     * Free and total bytes of the file system holding {@code dir}, from {@code df}; null when df cannot
     * tell (the disk is then made without the check, as before).
     */
    long[] room(String dir) {
        var result = domains.xl().raw(List.of("df", "-P", "-B1", "--", dir));
        if (!result.ok()) {
            return null;
        }
        List<String> lines = result.stdout().lines().toList();
        if (lines.size() < 2) {
            return null;
        }
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        try {
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])};
        } catch (RuntimeException e) {
            throw new DuovirtException("Could not read the free space of " + dir + " on " + domains.host() + ".", null,
                    result.stdout(), e);
        }
    }
}
