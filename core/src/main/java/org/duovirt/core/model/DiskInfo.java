package org.duovirt.core.model;

/**
 * A block device of a VM.
 *
 * @param target  device name inside the guest (vda, xvda, hdc)
 * @param source  file, volume or device path on the host; null for an empty drive
 * @param format  raw, qcow2 … or null when unknown
 * @param device  disk, cdrom or floppy
 */
public record DiskInfo(String target, String source, String format, String device, boolean readOnly) {
}
