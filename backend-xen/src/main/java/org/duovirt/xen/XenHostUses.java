package org.duovirt.xen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.config.XlVif;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlListJsonParser;

/**
 * What the VMs of one Xen host already use: their disk files and MACs, from the running domains ({@code xl list -l},
 * which also covers domains Duovirt did not create) and the owned cfgs (the VMs that are off). xl has no
 * locking of its own, so two domains writing one image, or two NICs with one MAC on a bridge, are only kept
 * apart by this check. Disk paths are compared by the host's real path (symlinks and {@code ..} resolved there).
 */
final class XenHostUses {
    /** Prints each argument, then its real path (empty when it does not resolve), NUL-separated. */
    static final String REALPATH_SCRIPT = "for p; do r=$(realpath -e -- \"$p\" 2>/dev/null) || r=; printf '%s\\0%s\\0' \"$p\" \"$r\"; done; exit 0";

    /** The disk paths and MACs of one VM. */
    record Use(String vm, List<String> disks, List<String> macs) {
    }

    private final XenDomains domains;
    /** Read once per instance: one dry run asks for disks and MACs from the same listing. */
    private List<Use> read;

    XenHostUses(XenDomains domains) {
        this.domains = domains;
    }

    /** The VMs (sorted) with a disk whose real path on the host is that of {@code path}; empty when none. */
    List<String> diskUsers(String path) {
        return diskUsers(path, uses());
    }

    /** The VMs (sorted) with a NIC of that MAC (compared without case); empty when none. */
    List<String> macUsers(String mac) {
        return macUsers(mac, uses());
    }

    /** Real path → the VMs using it, for every disk of every VM (the image listing's "used by"). */
    Map<String, List<String>> usersByRealPath(Collection<Use> uses) {
        List<String> paths = uses.stream().flatMap(u -> u.disks().stream()).distinct().toList();
        Map<String, String> real = realPaths(paths);
        Map<String, TreeSet<String>> by = new TreeMap<>();
        for (Use use : uses) {
            for (String disk : use.disks()) {
                String r = real.get(disk);
                if (r != null && !r.isEmpty()) {
                    by.computeIfAbsent(r, k -> new TreeSet<>()).add(use.vm());
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        by.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** Each argument's real path on the host; empty for one that does not resolve. */
    Map<String, String> realPaths(List<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", REALPATH_SCRIPT, "sh"));
        argv.addAll(paths);
        return parseRealPaths(domains.xl().run("resolve the disk paths", argv));
    }

    /** As {@link #diskUsers(String)}, among uses already read. */
    List<String> diskUsers(String path, List<Use> uses) {
        List<String> all = new ArrayList<>(List.of(path));
        uses.forEach(u -> all.addAll(u.disks()));
        Map<String, String> real = realPaths(all.stream().distinct().toList());
        return usersOf(real.get(path), uses, real);
    }

    /** The running domains' and the owned cfgs' disks and MACs, one entry per VM name; read on the first call. */
    List<Use> uses() {
        if (read == null) {
            read = read();
        }
        return read;
    }

    private List<Use> read() {
        return merge(XlListJsonParser.parse(domains.xl().query("list the domains' configs", null, "list", "-l")),
                domains.store().loadAll().values());
    }

    /** Package-private for tests: the running domains (xl list -l) and the owned VMs, merged by name. */
    static List<Use> merge(List<XlDomainConfig> running, Collection<OwnedVm> owned) {
        Map<String, Use> by = new TreeMap<>();
        for (XlDomainConfig d : running) {
            if (d.name() != null) {
                add(by, d.name(), d.disks().stream().map(DiskInfo::source).toList(), d.nics().stream().map(NicInfo::mac).toList());
            }
        }
        for (OwnedVm vm : owned) {
            if (vm.config() != null) {
                add(by, vm.name(), vm.config().disks().stream().map(XlDisk::target).toList(),
                        vm.config().vifs().stream().map(XlVif::mac).toList());
            }
        }
        return List.copyOf(by.values());
    }

    private static void add(Map<String, Use> by, String vm, List<String> disks, List<String> macs) {
        Use before = by.get(vm);
        List<String> d = new ArrayList<>(before == null ? List.of() : before.disks());
        List<String> m = new ArrayList<>(before == null ? List.of() : before.macs());
        disks.stream().filter(p -> p != null && !p.isBlank() && !d.contains(p)).forEach(d::add);
        macs.stream().filter(p -> p != null && !p.isBlank() && !m.contains(p)).forEach(m::add);
        by.put(vm, new Use(vm, List.copyOf(d), List.copyOf(m)));
    }

    /** Package-private for tests: the VMs with a disk resolving to {@code realTarget}; none when it does not resolve. */
    static List<String> usersOf(String realTarget, List<Use> uses, Map<String, String> real) {
        if (realTarget == null || realTarget.isEmpty()) {
            return List.of();
        }
        TreeSet<String> users = new TreeSet<>();
        for (Use use : uses) {
            for (String disk : use.disks()) {
                if (realTarget.equals(real.get(disk))) {
                    users.add(use.vm());
                }
            }
        }
        return List.copyOf(users);
    }

    /** Package-private for tests. */
    static List<String> macUsers(String mac, List<Use> uses) {
        String wanted = mac.toLowerCase(Locale.ROOT);
        return uses.stream().filter(u -> u.macs().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).equals(wanted)))
                .map(Use::vm).sorted().toList();
    }

    /** Package-private for tests: reads what {@link #REALPATH_SCRIPT} prints. */
    static Map<String, String> parseRealPaths(String out) {
        String[] f = out.split("\0", -1);
        Map<String, String> real = new TreeMap<>();
        for (int i = 0; i + 1 < f.length; i += 2) {
            real.put(f[i], f[i + 1]);
        }
        return real;
    }
}
