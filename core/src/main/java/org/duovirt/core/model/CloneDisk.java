package org.duovirt.core.model;

/** What a clone does with one of the source VM's disks. */
public enum CloneDisk {
    /** A new volume with the disk's contents, in the same pool. */
    COPY,
    /** The clone uses the same file (both VMs see one disk; only safe read-only). */
    SHARE,
    /** The clone gets no such disk. */
    SKIP
}
