package org.duovirt.xen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlVif;

/**
 * The host tabs' view of a Xen host: the dom0 bridges with the owned VMs whose NICs sit on each, and the owned
 * image directory as a pool (its file system's size and free space) with its files and the VMs using each.
 */
final class XenHostViews {
    /** One line per bridge: its name. */
    static final String BRIDGES_SCRIPT = "for d in /sys/class/net/*/bridge; do [ -d \"$d\" ] && basename \"$(dirname \"$d\")\"; done; exit 0";
    /** df's size, used and free bytes of the directory's file system. */
    private static final String DF_SCRIPT = "mkdir -p -- \"$1\" && df -B1 --output=size,used,avail -- \"$1\" | tail -n 1";
    private final XenDomains domains;

    XenHostViews(XenDomains domains) {
        this.domains = domains;
    }

    List<NetworkInfo> networks() {
        String out = domains.xl().run("list the bridges", List.of("sh", "-c", BRIDGES_SCRIPT));
        Map<String, List<String>> vms = new TreeMap<>();
        for (OwnedVm vm : domains.store().loadAll().values()) {
            if (vm.config() != null) {
                for (XlVif vif : vm.config().vifs()) {
                    vms.computeIfAbsent(vif.bridge(), k -> new ArrayList<>()).add(vm.name());
                }
            }
        }
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).sorted()
                .map(b -> new NetworkInfo(b, true, true, true, "bridge", b, null, null,
                        vms.getOrDefault(b, List.of()).stream().sorted().distinct().toList()))
                .toList();
    }

    List<PoolInfo> pools() {
        String dir = domains.store().imageDir();
        String[] f = domains.xl().run("measure " + dir, List.of("sh", "-c", DF_SCRIPT, "sh", dir)).strip().split("\\s+");
        long size = f.length == 3 ? Long.parseLong(f[0]) : -1;
        return List.of(new PoolInfo(dir, "dir", true, true, dir, size, f.length == 3 ? Long.parseLong(f[1]) : -1,
                f.length == 3 ? Long.parseLong(f[2]) : -1));
    }

    List<VolumeInfo> volumes(String pool) {
        String dir = domains.store().imageDir();
        if (!dir.equals(pool)) {
            throw new InvalidSpecException("There is no storage pool '" + pool + "' on " + domains.host() + "; Duovirt's is " + dir + ".");
        }
        XenHostUses hostUses = new XenHostUses(domains);
        Map<String, List<String>> users = hostUses.usersByRealPath(hostUses.uses());
        String out = domains.xl().run("list " + dir, List.of("sh", "-c", XenImageFormat.LIST_SCRIPT, "sh", dir));
        List<VolumeInfo> files = parseListing(dir, out);
        Map<String, String> real = hostUses.realPaths(files.stream().map(VolumeInfo::path).toList());
        return files.stream().map(v -> new VolumeInfo(v.pool(), v.name(), v.path(), v.format(), v.capacityBytes(), v.allocationBytes(),
                users.getOrDefault(real.getOrDefault(v.path(), ""), List.of()))).toList();
    }

    /** Package-private for tests: the files {@link XenImageFormat#LIST_SCRIPT} printed, sorted by name, no users yet. */
    static List<VolumeInfo> parseListing(String dir, String out) {
        String[] f = out.split("\0", -1);
        List<VolumeInfo> files = new ArrayList<>();
        for (int i = 0; i + 3 < f.length; i += 4) {
            files.add(new VolumeInfo(dir, f[i], dir + "/" + f[i], f[i + 3], parse(f[i + 1]), blocks(f[i + 2]), List.of()));
        }
        files.sort((a, b) -> a.name().compareTo(b.name()));
        return files;
    }

    private static long blocks(String count) {
        long blocks = parse(count);
        return blocks < 0 ? -1 : blocks * 512;
    }

    private static long parse(String number) {
        try {
            return Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
