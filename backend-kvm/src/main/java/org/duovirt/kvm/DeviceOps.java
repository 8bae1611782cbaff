package org.duovirt.kvm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.PinScope;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;

/**
 * Hot-plug and small persistent edits: disks, CD-ROM media, NICs and their link, autostart, boot order.
 * LIVE is dropped for a VM that does not run, so "both" means "live where possible, and saved".
 */
final class DeviceOps {
    private static final int BLOCK_RESIZE_BYTES = 1;
    private final Domains domains;

    DeviceOps(Domains domains) {
        this.domains = domains;
    }

    String attachDisk(String vm, DiskAttachment disk, Set<PinScope> scopes) {
        if (disk.source() != null || !disk.cdrom()) {
            KvmStorage.reject(DeviceInputs.pathProblem(disk.source()));
        }
        if (disk.target() != null) {
            KvmStorage.reject(DeviceInputs.targetProblem(disk.target()));
        }
        String bus = DeviceXml.bus(disk);
        return domains.with(vm, "Attaching a disk to VM '" + vm + "'", d -> {
            Set<String> taken = new HashSet<>(DeviceXml.targets(d.getXMLDesc(0)));
            if (d.isPersistent() == 1) {
                taken.addAll(DeviceXml.targets(d.getXMLDesc(StorageOwnership.XML_INACTIVE)));
            }
            String target = disk.target() != null ? disk.target() : DeviceXml.nextTarget(bus, taken);
            if (taken.contains(target)) {
                throw new InvalidSpecException("VM '" + vm + "' already has a disk " + target + ".");
            }
            d.attachDeviceFlags(DeviceXml.disk(disk, bus, target, disk.cdrom() ? "raw" : format(disk.source())), flags(d, scopes));
            return target;
        });
    }

    void detachDisk(String vm, String target, Set<PinScope> scopes) {
        KvmStorage.reject(DeviceInputs.targetProblem(target));
        domains.run(vm, "Detaching disk " + target + " from VM '" + vm + "'", d -> {
            Element disk = DeviceXml.diskByTarget(Xml.parse(current(d)), target);
            if (disk == null) {
                throw new InvalidSpecException("VM '" + vm + "' has no disk " + target + ".");
            }
            d.detachDeviceFlags(Xml.serialize(disk), flags(d, scopes));
        });
    }

    void changeMedia(String vm, String target, String iso) {
        KvmStorage.reject(DeviceInputs.targetProblem(target));
        if (iso != null) {
            KvmStorage.reject(DeviceInputs.pathProblem(iso));
        }
        String what = (iso == null ? "Ejecting the CD-ROM " : "Inserting '" + iso + "' into ") + target + " of VM '" + vm + "'";
        domains.run(vm, what, d -> {
            Element disk = DeviceXml.diskByTarget(Xml.parse(current(d)), target);
            if (disk == null || !"cdrom".equals(Xml.attr(disk, "device"))) {
                throw new InvalidSpecException("VM '" + vm + "' has no CD-ROM drive " + target + ".");
            }
            Xml.remove(Xml.child(disk, "source"));
            if (iso != null) {
                Element source = disk.getOwnerDocument().createElement("source");
                source.setAttribute("file", iso);
                disk.insertBefore(source, Xml.child(disk, "target"));
            }
            d.updateDeviceFlags(Xml.serialize(disk), flags(d, PinScope.both()));
        });
    }

    String attachNic(String vm, NicAttachment nic, Set<PinScope> scopes) {
        if (nic.mac() != null) {
            KvmStorage.reject(DeviceInputs.macProblem(nic.mac()));
        }
        if ((nic.network() == null || nic.network().isBlank()) && (nic.bridge() == null || nic.bridge().isBlank())) {
            throw new InvalidSpecException("A NIC needs a network or a bridge to join.");
        }
        if (nic.model() != null && !nic.model().matches("[a-z0-9-]{1,32}")) {
            throw new InvalidSpecException("'" + DeviceInputs.printable(nic.model()) + "' is not a NIC model like virtio or e1000.");
        }
        return domains.with(vm, "Attaching a NIC to VM '" + vm + "'", d -> {
            Set<String> before = DeviceXml.macs(current(d));
            if (nic.mac() != null && before.contains(nic.mac().toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidSpecException("VM '" + vm + "' already has a NIC with MAC " + nic.mac() + ".");
            }
            d.attachDeviceFlags(DeviceXml.nic(nic), flags(d, scopes));
            Set<String> after = DeviceXml.macs(current(d));
            after.removeAll(before);
            return after.isEmpty() ? nic.mac() : after.iterator().next();
        });
    }

    void detachNic(String vm, String mac, Set<PinScope> scopes) {
        KvmStorage.reject(DeviceInputs.macProblem(mac));
        domains.run(vm, "Detaching NIC " + mac + " from VM '" + vm + "'", d -> d.detachDeviceFlags(nicXml(d, vm, mac), flags(d, scopes)));
    }

    void setNicLink(String vm, String mac, boolean up) {
        KvmStorage.reject(DeviceInputs.macProblem(mac));
        domains.run(vm, "Setting the link of NIC " + mac + " of VM '" + vm + "' " + (up ? "up" : "down"), d -> {
            Element nic = DeviceXml.nicByMac(Xml.parse(current(d)), mac);
            if (nic == null) {
                throw new InvalidSpecException("VM '" + vm + "' has no NIC with MAC " + mac + ".");
            }
            Xml.remove(Xml.child(nic, "link"));
            Element link = nic.getOwnerDocument().createElement("link");
            link.setAttribute("state", up ? "up" : "down");
            nic.appendChild(link);
            d.updateDeviceFlags(Xml.serialize(nic), d.isActive() == 1 ? LibvirtNative.VIR_DOMAIN_AFFECT_LIVE
                    : LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG);
        });
    }

    /** Live with virDomainBlockResize (flag BYTES) while the VM runs, else the disk's volume grows. */
    void resizeDisk(String vm, String target, long newBytes) {
        KvmStorage.reject(DeviceInputs.targetProblem(target));
        KvmStorage.reject(DeviceInputs.sizeProblem(newBytes, -1));
        domains.run(vm, "Growing disk " + target + " of VM '" + vm + "'", d -> {
            Element disk = DeviceXml.diskByTarget(Xml.parse(current(d)), target);
            if (disk == null || !"disk".equals(orDisk(Xml.attr(disk, "device")))) {
                throw new InvalidSpecException("VM '" + vm + "' has no disk " + target + ".");
            }
            long now = d.blockInfo(target).getCapacity();
            if (newBytes <= now) {
                throw new InvalidSpecException("Disk " + target + " has " + now + " bytes; a disk only grows, and "
                        + newBytes + " bytes is not more.");
            }
            if (d.isActive() == 1) {
                d.blockResize(target, newBytes, BLOCK_RESIZE_BYTES);
                return;
            }
            String path = Xml.attr(Xml.child(disk, "source"), "file");
            StorageVol volume = path == null ? null : domains.connect().storageVolLookupByPath(path);
            if (volume == null) {
                throw new InvalidSpecException("Disk " + target + " is not a volume of a pool; start the VM to grow it live.");
            }
            try {
                volume.resize(newBytes, 0);
            } finally {
                Domains.freeVolume(volume);
            }
        });
    }

    private static String orDisk(String device) {
        return device == null ? "disk" : device;
    }

    void setAutostart(String vm, boolean autostart) {
        domains.run(vm, "Setting autostart of VM '" + vm + "'", d -> d.setAutostart(autostart));
    }

    /** Rewrites {@code <os><boot dev=…>} in the saved definition; per-device boot orders are dropped (libvirt refuses both). */
    void setBootOrder(String vm, List<BootDevice> order) {
        if (order.isEmpty() || new HashSet<>(order).size() != order.size()) {
            throw new InvalidSpecException("A boot order names each device at most once and at least one.");
        }
        domains.run(vm, "Setting the boot order of VM '" + vm + "'", d -> {
            Element root = Xml.parse(Domains.savedWithSecrets(d));
            Element os = Xml.child(root, "os");
            Xml.children(os, "boot").forEach(Xml::remove);
            Element devices = Xml.child(root, "devices");
            for (String kind : List.of("disk", "interface", "hostdev", "redirdev")) {
                Xml.children(devices, kind).forEach(dev -> Xml.remove(Xml.child(dev, "boot")));
            }
            for (BootDevice device : order) {
                Element boot = root.getOwnerDocument().createElement("boot");
                boot.setAttribute("dev", device.word());
                os.appendChild(boot);
            }
            domains.connect().domainDefineXML(Xml.serialize(root)).free();
        });
    }

    private static String nicXml(Domain d, String vm, String mac) throws LibvirtException {
        Element nic = DeviceXml.nicByMac(Xml.parse(current(d)), mac);
        if (nic == null) {
            throw new InvalidSpecException("VM '" + vm + "' has no NIC with MAC " + mac + ".");
        }
        return Xml.serialize(nic);
    }

    /** The live XML of a running VM, else the saved one. */
    private static String current(Domain d) throws LibvirtException {
        return d.getXMLDesc(d.isActive() == 1 ? 0 : StorageOwnership.XML_INACTIVE);
    }

    /** libvirt's AFFECT flags for the scopes; LIVE only while the VM runs, CONFIG only for a persistent one. */
    static int flags(Domain d, Set<PinScope> scopes) throws LibvirtException {
        int flags = 0;
        if (scopes.contains(PinScope.LIVE) && d.isActive() == 1) {
            flags |= LibvirtNative.VIR_DOMAIN_AFFECT_LIVE;
        }
        if (scopes.contains(PinScope.CONFIG) && d.isPersistent() == 1) {
            flags |= LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG;
        }
        if (flags == 0) {
            throw new DuovirtException("Nothing to change: the VM " + (d.isActive() == 1 ? "has no saved definition"
                    : "is not running") + " and only that was asked for.", "Leave out --live or --config.");
        }
        return flags;
    }

    /** The disk format from the pool's record of the volume, else from the file's first bytes, else raw. */
    private String format(String path) {
        try {
            StorageVol volume = domains.connect().storageVolLookupByPath(path);
            try {
                String format = Xml.attr(Xml.path(Xml.parse(volume.getXMLDesc(0)), "target", "format"), "type");
                if (format != null) {
                    return format.equals("iso") ? "raw" : format;
                }
            } finally {
                Domains.freeVolume(volume);
            }
        } catch (LibvirtException e) {
            // Not in a pool: look at the file itself when it is on this machine.
        }
        if (KvmBackend.isRemote(java.net.URI.create(domains.uri()))) {
            return "raw";
        }
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && VolumeUploader.isQcow2(file) ? "qcow2" : "raw";
        } catch (java.io.IOException | RuntimeException e) {
            return "raw";
        }
    }
}
