package org.duovirt.core.model;

/** The part of a {@link VmSpec} a problem is about, so the wizard shows it next to that field. */
public enum SpecField {
    NAME, MEMORY, VCPUS, STORAGE, BOOT, NETWORK, MODE, FIRMWARE, MACHINE, PINNING, OS,
    /** The cloud-init settings of a cloud image: host name, user, password hash, keys, user-data. */
    CLOUD_INIT,
    /** The NIC's model and MAC address. */
    NIC,
    /** The guest's CPU model (KVM). */
    CPU_MODEL,
    /** The user's edited definition ("customize before install"). */
    DEFINITION,
    /** The graphical console (Xen: a PV guest's vfb). */
    FRAMEBUFFER
}
