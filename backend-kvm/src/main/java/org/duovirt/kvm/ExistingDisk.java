package org.duovirt.kvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.libvirt.LibvirtException;
import org.libvirt.StorageVol;

/**
 * An existing disk a new VM uses as it is (a volume of a pool, or a file on this machine): the format libvirt
 * must be told, and the other VMs already using it. The format comes from the pool where the disk is a
 * volume, from the file's own header on this machine (a qcow2 file handed to a guest as raw would show the
 * guest qcow2's metadata), and from the name only for a remote file outside every pool.
 */
final class ExistingDisk {
    private final Domains domains;
    private final boolean local;

    ExistingDisk(Domains domains, boolean local) {
        this.domains = domains;
        this.local = local;
    }

    /** qcow2, raw … as libvirt writes it in {@code <driver type=…>}. */
    String format(String path) {
        try {
            StorageVol volume = domains.connect().storageVolLookupByPath(path);
            try {
                String format = Xml.attr(Xml.path(Xml.parse(volume.getXMLDesc(0)), "target", "format"), "type");
                if (format != null && !format.isBlank()) {
                    return format;
                }
            } finally {
                Domains.freeVolume(volume);
            }
        } catch (LibvirtException e) {
            // Not a volume of any pool.
        }
        if (local) {
            try {
                return VolumeUploader.isQcow2(Path.of(path)) ? "qcow2" : "raw";
            } catch (IOException | RuntimeException e) {
                // Unreadable here: the name decides, and libvirt says more at start.
            }
        }
        return path.toLowerCase(Locale.ROOT).endsWith(".qcow2") ? "qcow2" : "raw";
    }

    /** The VMs (sorted) whose live or saved definition already names {@code path}; empty when none or unknown. */
    List<String> users(String path) {
        try {
            return DiskUsers.byPath(domains.connect()).getOrDefault(path, List.of());
        } catch (LibvirtException e) {
            return List.of(); // cannot list: libvirt's own locking refuses a disk in use at start
        }
    }
}
