package org.duovirt.app.wizard;

/** How the new VM gets its operating system. */
public enum InstallSource {
    /** Direct kernel boot: a kernel, an optional initrd and a command line on the host. */
    KERNEL,
    /** An installer ISO on the host, attached as a CD-ROM and booted first. */
    ISO,
    /** An existing disk image, used as it is and never deleted with the VM. */
    IMPORT,
    /** A cloud image as the base of a copy-on-write disk, first booted with a cloud-init seed Duovirt builds. */
    CLOUD_IMAGE,
    /** Network boot (PXE) from the VM's network, which must hand out addresses (DHCP). */
    NETWORK,
    /** Nothing: boot from the new disk (or the network) later. */
    NONE;

    public String messageKey() {
        return "wizard.source." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
