package org.duovirt.kvm;

import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StorageVol;

/** Pools and volumes for new disks: the default pool made like virt-manager makes it, volumes named safely. */
final class StoragePools {
    static final String DEFAULT_POOL = "default";
    static final String DEFAULT_PATH = "/var/lib/libvirt/images";

    /** A pool, and whether this call defined it (so a failed creation can remove it again). */
    record Resolved(StoragePool pool, boolean createdHere) {
    }

    private final LibvirtConnect connect;

    StoragePools(LibvirtConnect connect) {
        this.connect = connect;
    }

    /** The named pool, started if needed; "default" is defined as a dir pool when the host has none. */
    Resolved resolve(String name) throws LibvirtException {
        String wanted = name == null || name.isBlank() ? DEFAULT_POOL : name;
        StoragePool pool;
        try {
            pool = connect.storagePoolLookupByName(wanted);
        } catch (LibvirtException e) {
            if (!DEFAULT_POOL.equals(wanted) || !LibvirtErrors.hasCode(e, org.libvirt.Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL)) {
                throw e;
            }
            return new Resolved(defineDefault(), true);
        }
        if (pool.isActive() != 1) {
            pool.create(0);
        }
        return new Resolved(pool, false);
    }

    private StoragePool defineDefault() throws LibvirtException {
        XmlOut x = new XmlOut();
        x.start("pool").attr("type", "dir");
        x.textElement("name", DEFAULT_POOL);
        x.start("target").textElement("path", DEFAULT_PATH).end();
        x.end();
        StoragePool pool = connect.storagePoolDefineXML(x.toString(), 0);
        try {
            pool.build(0);
            pool.create(0);
            pool.setAutostart(1);
        } catch (LibvirtException e) {
            pool.undefine();
            throw e;
        }
        return pool;
    }

    /**
     * The path a new volume for {@code vmName} would get now in the named pool (the default one when
     * null), without making anything; a missing default pool would be made at {@link #DEFAULT_PATH}.
     */
    String predictPath(String poolName, String vmName, String extension) throws LibvirtException {
        String wanted = poolName == null || poolName.isBlank() ? DEFAULT_POOL : poolName;
        StoragePool pool;
        try {
            pool = connect.storagePoolLookupByName(wanted);
        } catch (LibvirtException e) {
            return DEFAULT_PATH + "/" + fileStem(vmName) + "." + extension;
        }
        try {
            String dir = Xml.text(Xml.path(Xml.parse(pool.getXMLDesc(0)), "target", "path"));
            String file = pool.isActive() == 1 ? uniqueName(pool, fileStem(vmName), extension) : fileStem(vmName) + "." + extension;
            return dir + "/" + file;
        } finally {
            pool.free();
        }
    }

    /** Removes a pool this creation defined; its directory and the files in it stay. */
    static void forget(StoragePool pool) {
        try {
            if (pool.isActive() == 1) {
                pool.destroy();
            }
            pool.undefine();
        } catch (LibvirtException | RuntimeException e) {
            // Best effort while undoing a failed creation; the original error is what the user sees.
        }
    }

    /** Creates a qcow2 volume named after the VM (safe characters only, unique in the pool). */
    /** A new empty volume named after the VM in {@code format} (qcow2 or raw). */
    static StorageVol createDisk(StoragePool pool, String vmName, long bytes, String format) throws LibvirtException {
        return createVolume(pool, vmName, bytes, format, null, null);
    }

    /**
     * Creates a qcow2 overlay named after the VM whose backing file is the cloud image: the image is only
     * read, every write of the guest lands in the overlay (ADR 0012).
     */
    static StorageVol createOverlay(StoragePool pool, String vmName, long bytes, String backingPath, String backingFormat)
            throws LibvirtException {
        return createVolume(pool, vmName, bytes, "qcow2", backingPath, backingFormat);
    }

    private static StorageVol createVolume(StoragePool pool, String vmName, long bytes, String format, String backingPath,
                                           String backingFormat) throws LibvirtException {
        pool.refresh(0);
        String name = uniqueName(pool, fileStem(vmName), format);
        XmlOut x = new XmlOut();
        x.start("volume");
        x.textElement("name", name);
        x.textElement("capacity", Long.toString(bytes), "unit", "bytes");
        x.textElement("allocation", "0", "unit", "bytes");
        x.start("target").empty("format", "type", format).end();
        if (backingPath != null) {
            x.start("backingStore").textElement("path", backingPath).empty("format", "type", backingFormat).end();
        }
        x.end();
        return pool.storageVolCreateXML(x.toString(), 0);
    }

    /**
     * A file-name stem from a VM name: letters, digits, '.', '_' and '-' stay, anything else becomes '_'.
     * VM names may hold quotes, '$' or unicode; file names on the host need not.
     */
    static String fileStem(String vmName) {
        StringBuilder out = new StringBuilder();
        vmName.codePoints().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_'
                || c == '-') ? (char) c : '_'));
        String stem = out.toString().replaceAll("^[.-]+", "");
        return stem.isEmpty() ? "vm" : stem;
    }

    /** {@code stem.ext}, or {@code stem-N.ext} when that name is taken in the pool. */
    static String uniqueName(StoragePool pool, String stem, String extension) throws LibvirtException {
        java.util.Set<String> taken = java.util.Set.of(pool.listVolumes());
        String name = stem + "." + extension;
        for (int i = 1; taken.contains(name); i++) {
            name = stem + "-" + i + "." + extension;
        }
        return name;
    }
}
