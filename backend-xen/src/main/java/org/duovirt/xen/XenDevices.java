package org.duovirt.xen;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.PinScope;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.config.XlVif;
import org.duovirt.xen.parse.XlDomainRow;

/**
 * Disk and NIC hot-plug with {@code xl block-attach/-detach} and {@code xl network-attach/-detach} on the running
 * domain, and the same change in the owned cfg for CONFIG. LIVE is dropped for a VM that is not running and CONFIG
 * for one Duovirt does not own; a request left with neither is refused.
 */
final class XenDevices {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final XenDomains domains;

    XenDevices(XenDomains domains) {
        this.domains = domains;
    }

    String attachDisk(String vm, DiskAttachment disk, Set<PinScope> scopes) {
        reject(DeviceInputs.pathProblem(disk.source()));
        if (disk.target() != null) {
            reject(DeviceInputs.targetProblem(disk.target()));
        }
        if (disk.bus() != null && !disk.bus().equals("xen")) {
            throw new InvalidSpecException("Xen PV disks have no bus to choose; leave out the bus '" + DeviceInputs.printable(disk.bus()) + "'.");
        }
        Target t = target(vm, scopes, "attach a disk to");
        Set<String> taken = new HashSet<>();
        if (t.owned != null) {
            t.owned.config().disks().forEach(d -> taken.add(d.vdev()));
        }
        if (t.row != null) {
            taken.addAll(liveVdevs(t.row));
        }
        String vdev = disk.target() != null ? disk.target() : nextVdev(taken);
        if (taken.contains(vdev)) {
            throw new InvalidSpecException("VM '" + vm + "' already has a disk " + vdev + ".");
        }
        String format = disk.source().endsWith(".qcow2") ? "qcow2" : "raw";
        XlDisk entry = new XlDisk(disk.source(), vdev, format, disk.readOnly() || disk.cdrom(), disk.cdrom(), false);
        String spec = XlConfigWriter.diskSpec(entry);
        if (t.row != null) {
            domains.xl().xlSlow("attach " + vdev + " to '" + vm + "'", vm, "block-attach", XenDomains.domid(t.row), spec);
        }
        if (t.owned != null) {
            List<XlDisk> disks = new ArrayList<>(t.owned.config().disks());
            disks.add(entry);
            domains.persist(vm, t.owned, t.owned.config().withDevices(disks, t.owned.config().vifs()));
        }
        return vdev;
    }

    void detachDisk(String vm, String vdev, Set<PinScope> scopes) {
        reject(DeviceInputs.targetProblem(vdev));
        Target t = target(vm, scopes, "detach a disk from");
        boolean found = false;
        if (t.row != null && liveVdevs(t.row).contains(vdev)) {
            domains.xl().xlSlow("detach " + vdev + " from '" + vm + "'", vm, "block-detach", XenDomains.domid(t.row), vdev);
            found = true;
        }
        if (t.owned != null && t.owned.config().disks().stream().anyMatch(d -> vdev.equals(d.vdev()))) {
            List<XlDisk> disks = t.owned.config().disks().stream().filter(d -> !vdev.equals(d.vdev())).toList();
            domains.persist(vm, t.owned, t.owned.config().withDevices(disks, t.owned.config().vifs()));
            found = true;
        }
        if (!found) {
            throw new InvalidSpecException("VM '" + vm + "' has no disk " + vdev + ".");
        }
    }

    String attachNic(String vm, NicAttachment nic, Set<PinScope> scopes) {
        String bridge = nic.bridge() != null && !nic.bridge().isBlank() ? nic.bridge() : nic.network();
        if (bridge == null || bridge.isBlank()) {
            throw new InvalidSpecException("A NIC on Xen needs a dom0 bridge to join, e.g. xenbr0.");
        }
        if (nic.mac() != null) {
            reject(DeviceInputs.macProblem(nic.mac()));
        }
        if (nic.model() != null && !nic.model().isBlank()) {
            throw new InvalidSpecException("Xen PV NICs have no model to choose; leave out the model '" + DeviceInputs.printable(nic.model()) + "'.");
        }
        Target t = target(vm, scopes, "attach a NIC to");
        // One MAC for both halves, so the live NIC and the saved one are the same card.
        String mac = nic.mac() != null ? nic.mac().toLowerCase(Locale.ROOT) : xenMac();
        XlVif vif = new XlVif(bridge, mac);
        String spec = XlConfigWriter.vifSpec(vif);
        if (t.row != null) {
            domains.xl().xlSlow("attach a NIC to '" + vm + "'", vm, "network-attach", XenDomains.domid(t.row), spec);
        }
        if (t.owned != null) {
            List<XlVif> vifs = new ArrayList<>(t.owned.config().vifs());
            vifs.add(vif);
            domains.persist(vm, t.owned, t.owned.config().withDevices(t.owned.config().disks(), vifs));
        }
        return mac;
    }

    void detachNic(String vm, String mac, Set<PinScope> scopes) {
        reject(DeviceInputs.macProblem(mac));
        Target t = target(vm, scopes, "detach a NIC from");
        boolean found = false;
        if (t.row != null && domains.xl().query("list the NICs of '" + vm + "'", vm, "network-list", XenDomains.domid(t.row))
                .toLowerCase(Locale.ROOT).contains(mac.toLowerCase(Locale.ROOT))) {
            domains.xl().xlSlow("detach NIC " + mac + " from '" + vm + "'", vm, "network-detach", XenDomains.domid(t.row), mac);
            found = true;
        }
        if (t.owned != null && t.owned.config().vifs().stream().anyMatch(v -> mac.equalsIgnoreCase(v.mac()))) {
            List<XlVif> vifs = t.owned.config().vifs().stream().filter(v -> !mac.equalsIgnoreCase(v.mac())).toList();
            domains.persist(vm, t.owned, t.owned.config().withDevices(t.owned.config().disks(), vifs));
            found = true;
        }
        if (!found) {
            throw new InvalidSpecException("VM '" + vm + "' has no NIC with MAC " + mac + ".");
        }
    }

    /** The running domain (for LIVE) and the owned config (for CONFIG) a change applies to. */
    private record Target(XlDomainRow row, OwnedVm owned) {
    }

    private Target target(String vm, Set<PinScope> scopes, String action) {
        XlDomainRow row = scopes.contains(PinScope.LIVE) ? domains.runningOrNull(vm) : null;
        OwnedVm owned = scopes.contains(PinScope.CONFIG) ? domains.store().find(vm) : null;
        if (owned != null && owned.config() == null) {
            owned = domains.requireOwned(vm, action);
        }
        if (row == null && owned == null) {
            if (scopes.contains(PinScope.CONFIG) && domains.runningOrNull(vm) != null) {
                throw new DuovirtException("Could not " + action + " '" + vm + "' persistently: Duovirt did not create it, so it has "
                        + "no config to change.", "Use --live to change the running domain only.");
            }
            if (domains.store().find(vm) != null) {
                throw new DuovirtException("Could not " + action + " '" + vm + "' live: it is not running.", "Leave out --live.");
            }
            throw new org.duovirt.core.error.VmNotFoundException(vm, domains.host());
        }
        return new Target(row, owned);
    }

    /** The vdevs of the running domain as {@code xl block-list} names them (it prints device numbers: 51712 = xvda). */
    private Set<String> liveVdevs(XlDomainRow row) {
        Set<String> out = new HashSet<>();
        for (String line : domains.xl().query("list the disks", null, "block-list", XenDomains.domid(row)).lines().skip(1).toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length > 0 && f[0].matches("\\d+")) {
                out.add(vdevName(Integer.parseInt(f[0])));
            }
        }
        return out;
    }

    /** Xen's virtual block device number of an xvd disk: 202 << 8 | index << 4 (first 16 disks). */
    static String vdevName(int number) {
        if ((number >> 8) == 202) {
            int index = (number & 0xff) >> 4;
            return "xvd" + (char) ('a' + index);
        }
        if ((number & (1 << 28)) != 0) {
            int index = (number >> 8) & 0xfffff;
            return "xvd" + (index < 26 ? String.valueOf((char) ('a' + index)) : (char) ('a' + index / 26 - 1) + "" + (char) ('a' + index % 26));
        }
        return Integer.toString(number);
    }

    static String nextVdev(Set<String> taken) {
        for (char c = 'a'; c <= 'z'; c++) {
            if (!taken.contains("xvd" + c)) {
                return "xvd" + c;
            }
        }
        throw new InvalidSpecException("The VM has no free xvd device name left.");
    }

    /** A locally administered-looking MAC in Xen's own 00:16:3e prefix, as xl would make. */
    static String xenMac() {
        return String.format("00:16:3e:%02x:%02x:%02x", RANDOM.nextInt(128), RANDOM.nextInt(256), RANDOM.nextInt(256));
    }

    private static void reject(String problem) {
        if (problem != null) {
            throw new InvalidSpecException(problem);
        }
    }
}
