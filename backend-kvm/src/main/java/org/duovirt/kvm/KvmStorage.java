package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVol;
import org.w3c.dom.Element;

/** Pools and volumes of a libvirt host: list, create, delete (naming the VMs that use it), grow. */
final class KvmStorage {
    private final Domains domains;

    KvmStorage(Domains domains) {
        this.domains = domains;
    }

    List<PoolInfo> pools() {
        return domains.host("Listing the storage pools of " + domains.uri(), () -> {
            List<PoolInfo> out = new ArrayList<>();
            java.util.TreeSet<String> names = new java.util.TreeSet<>(List.of(domains.connect().listStoragePools()));
            names.addAll(List.of(domains.connect().listDefinedStoragePools()));
            for (String name : names) {
                StoragePool pool = domains.connect().storagePoolLookupByName(name);
                Element xml = Xml.parse(pool.getXMLDesc(0));
                boolean active = pool.isActive() == 1;
                StoragePoolInfo info = active ? pool.getInfo() : null;
                out.add(new PoolInfo(name, Xml.attr(xml, "type"), active, pool.getAutostart(),
                        Xml.text(Xml.path(xml, "target", "path")), info == null ? -1 : info.capacity,
                        info == null ? -1 : info.allocation, info == null ? -1 : info.available));
            }
            return out;
        });
    }

    List<VolumeInfo> volumes(String poolName) {
        return inPool(poolName, "Listing the volumes of pool '" + poolName + "'", pool -> {
            pool.refresh(0);
            Map<String, List<String>> users = DiskUsers.byPath(domains.connect());
            List<VolumeInfo> out = new ArrayList<>();
            for (String name : new java.util.TreeSet<>(List.of(pool.listVolumes()))) {
                StorageVol volume;
                try {
                    volume = pool.storageVolLookupByName(name);
                } catch (LibvirtException e) {
                    if (LibvirtErrors.hasCode(e, ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) {
                        continue; // Deleted between the listing and the lookup: it is simply gone.
                    }
                    throw e;
                }
                try {
                    out.add(info(poolName, volume, users));
                } finally {
                    Domains.freeVolume(volume);
                }
            }
            return out;
        });
    }

    VolumeInfo createVolume(String poolName, String name, long bytes, String format) {
        String fmt = format == null || format.isBlank() ? "qcow2" : format.strip();
        if (!fmt.equals("qcow2") && !fmt.equals("raw")) {
            throw new InvalidSpecException("The format '" + fmt + "' is not one of qcow2, raw.");
        }
        reject(DeviceInputs.volumeNameProblem(name));
        return inPool(poolName, "Creating volume '" + name + "' in pool '" + poolName + "'", pool -> {
            pool.refresh(0);
            if (List.of(pool.listVolumes()).contains(name)) {
                throw new InvalidSpecException("Pool '" + poolName + "' already has a volume named '" + name + "'.");
            }
            reject(DeviceInputs.sizeProblem(bytes, pool.getInfo().available));
            XmlOut x = new XmlOut();
            x.start("volume");
            x.textElement("name", name);
            x.textElement("capacity", Long.toString(bytes), "unit", "bytes");
            x.textElement("allocation", "0", "unit", "bytes");
            x.start("target").empty("format", "type", fmt).end();
            x.end();
            StorageVol volume = pool.storageVolCreateXML(x.toString(), 0);
            try {
                return info(poolName, volume, Map.of());
            } finally {
                Domains.freeVolume(volume);
            }
        });
    }

    void deleteVolume(String poolName, String name, boolean evenIfUsed) {
        inPool(poolName, "Deleting volume '" + name + "' of pool '" + poolName + "'", pool -> {
            StorageVol volume = volume(pool, poolName, name);
            try {
                List<String> users = DiskUsers.byPath(domains.connect()).getOrDefault(volume.getPath(), List.of());
                if (!users.isEmpty() && !evenIfUsed) {
                    throw new DuovirtException("Volume '" + name + "' is used by " + vmList(users)
                            + "; it was not deleted.", "Detach it first, or confirm that those VMs lose the disk (--force).");
                }
                volume.delete(0);
            } finally {
                Domains.freeVolume(volume);
            }
            return null;
        });
    }

    void resizeVolume(String poolName, String name, long newBytes) {
        inPool(poolName, "Growing volume '" + name + "' of pool '" + poolName + "'", pool -> {
            StorageVol volume = volume(pool, poolName, name);
            try {
                long now = bytes(Xml.child(Xml.parse(volume.getXMLDesc(0)), "capacity"));
                if (newBytes <= now) {
                    throw new InvalidSpecException("Volume '" + name + "' has " + now + " bytes; a volume only grows, and "
                            + newBytes + " bytes is not more.");
                }
                reject(DeviceInputs.sizeProblem(newBytes, -1));
                volume.resize(newBytes, 0);
            } finally {
                Domains.freeVolume(volume);
            }
            return null;
        });
    }

    /** A libvirt call on one pool. */
    interface PoolCall<T> {
        T call(StoragePool pool) throws LibvirtException;
    }

    /** Looks the pool up (it must exist and run) and calls {@code call}; {@code what} starts the error sentence. */
    <T> T inPool(String poolName, String what, PoolCall<T> call) {
        StoragePool pool;
        try {
            pool = domains.connect().storagePoolLookupByName(poolName);
        } catch (LibvirtException e) {
            if (LibvirtErrors.hasCode(e, ErrorNumber.VIR_ERR_NO_STORAGE_POOL)) {
                throw new InvalidSpecException("There is no storage pool '" + poolName + "' on " + domains.uri() + ".");
            }
            throw LibvirtErrors.failed(what, e);
        }
        try {
            if (pool.isActive() != 1) {
                throw new DuovirtException(what + " failed: pool '" + poolName + "' is not running.", "Start the pool first.");
            }
            return call.call(pool);
        } catch (LibvirtException e) {
            throw LibvirtErrors.failed(what, e);
        } finally {
            try {
                pool.free();
            } catch (LibvirtException | RuntimeException e) {
                // Reclaimed with the connection.
            }
        }
    }

    static StorageVol volume(StoragePool pool, String poolName, String name) throws LibvirtException {
        try {
            return pool.storageVolLookupByName(name);
        } catch (LibvirtException e) {
            if (LibvirtErrors.hasCode(e, ErrorNumber.VIR_ERR_NO_STORAGE_VOL)) {
                throw new InvalidSpecException("Pool '" + poolName + "' has no volume named '" + name + "'.");
            }
            throw e;
        }
    }

    static VolumeInfo info(String pool, StorageVol volume, Map<String, List<String>> users) throws LibvirtException {
        // Sizes from the XML: libvirt-java's StorageVolInfo asserts on volume types it does not know (dir, ploop …).
        Element xml = Xml.parse(volume.getXMLDesc(0));
        String path = volume.getPath();
        return new VolumeInfo(pool, volume.getName(), path, Xml.attr(Xml.path(xml, "target", "format"), "type"),
                bytes(Xml.child(xml, "capacity")), bytes(Xml.child(xml, "allocation")), users.getOrDefault(path, List.of()));
    }

    /** A size element of volume XML in bytes (libvirt writes unit='bytes'); -1 when absent. */
    static long bytes(Element size) {
        long value = Xml.longText(size, -1);
        return value < 0 ? -1 : Units.toBytes(value, Xml.attr(size, "unit"));
    }

    static String vmList(List<String> vms) {
        return (vms.size() == 1 ? "VM " : "VMs ") + String.join(", ", vms.stream().map(v -> "'" + v + "'").toList());
    }

    static void reject(String problem) {
        if (problem != null) {
            throw new InvalidSpecException(problem);
        }
    }
}
