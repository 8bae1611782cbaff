package org.duovirt.core.model;

/**
 * A disk or CD-ROM to attach to a VM.
 *
 * @param source   the file or block device on the host; for a CD-ROM null means an empty drive
 * @param target   the device name in the guest (vdb, sdc, xvdb), or null to take the next free one
 * @param bus      virtio, sata, scsi, ide, xen; null for the backend's default
 * @param cdrom    a removable CD-ROM drive (read-only) instead of a disk
 * @param readOnly the guest may not write to it
 */
public record DiskAttachment(String source, String target, String bus, boolean cdrom, boolean readOnly) {
    public static DiskAttachment disk(String source, String target) {
        return new DiskAttachment(source, target, null, false, false);
    }
}
