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
import org.duovirt.xen.config.XlDisk;
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
    /** Name, size and allocated bytes of each regular file in the directory, NUL-separated. */
    private static final String LS_SCRIPT = "find \"$1\" -maxdepth 1 -type f -printf '%f\\0%s\\0%b\\0'";
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
        Map<String, List<String>> users = new TreeMap<>();
        for (OwnedVm vm : domains.store().loadAll().values()) {
            if (vm.config() != null) {
                for (XlDisk disk : vm.config().disks()) {
                    users.computeIfAbsent(disk.target(), k -> new ArrayList<>()).add(vm.name());
                }
            }
        }
        String[] f = domains.xl().run("list " + dir, List.of("sh", "-c", LS_SCRIPT, "sh", dir)).split("\0", -1);
        List<VolumeInfo> out = new ArrayList<>();
        for (int i = 0; i + 2 < f.length; i += 3) {
            String path = dir + "/" + f[i];
            out.add(new VolumeInfo(dir, f[i], path, f[i].endsWith(".qcow2") ? "qcow2" : "raw", Long.parseLong(f[i + 1]),
                    Long.parseLong(f[i + 2]) * 512, users.getOrDefault(path, List.of())));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
