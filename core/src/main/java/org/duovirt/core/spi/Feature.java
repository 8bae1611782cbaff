package org.duovirt.core.spi;

/**
 * The operations of the driver table. A backend lists those it implements; a connection lists those
 * the host at hand supports, so the UI can grey out the rest.
 */
public enum Feature {
    HOST_INFO("Reading host information"),
    LIST("Listing VMs"),
    DETAILS("Reading VM details"),
    DEFINITION("Showing the VM definition"),
    START("Starting a VM"),
    SHUTDOWN("Shutting down a VM"),
    REBOOT("Rebooting a VM"),
    DESTROY("Forcing a VM off"),
    PAUSE("Pausing and resuming a VM"),
    SAVE("Saving a VM's memory to disk"),
    SNAPSHOTS("Snapshots"),
    CLONE("Cloning a VM"),
    MIGRATE("Migrating a VM"),
    CREATE("Creating a VM"),
    DELETE("Deleting a VM"),
    SET_VCPUS("Changing the vCPU count"),
    SET_MEMORY("Changing the memory size"),
    STATS("Performance statistics"),
    VCPU_STATS("Per-vCPU statistics"),
    PIN_LIVE("Pinning vCPUs of a running VM"),
    PIN_CONFIG("Pinning vCPUs persistently"),
    PIN_SOFT("Soft vCPU affinity"),
    PIN_EMULATOR("Pinning emulator threads"),
    CPUPOOLS("CPU pools"),
    TEXT_CONSOLE("The text console"),
    GRAPHICS_CONSOLE("The graphical console"),
    EVENTS("Lifecycle events"),
    NETWORKS("Listing networks"),
    STORAGE_POOLS("Listing storage pools"),
    GRAPHICS_CHANNEL("Graphical console in Duovirt"),
    HOST_STATS("Per-CPU host statistics"),
    // --- details, storage and networks (issue 10) ---
    VOLUMES("Creating and deleting volumes"),
    VOLUME_UPLOAD("Uploading files into a pool"),
    VOLUME_RESIZE("Growing a volume"),
    NETWORK_MANAGE("Managing virtual networks"),
    DISK_HOTPLUG("Attaching and detaching disks"),
    CHANGE_MEDIA("Changing CD-ROM media"),
    NIC_HOTPLUG("Attaching and detaching NICs"),
    NIC_LINK("Setting a NIC's link up/down"),
    AUTOSTART("Starting a VM with its host"),
    BOOT_ORDER("Setting the boot order"),
    EDIT_DEFINITION("Editing the VM definition"),
    // --- overview: name and description (issue 10) ---
    RENAME("Renaming a VM"),
    DESCRIPTION("Changing a VM's description"),
    DISK_CACHE("Changing a disk's cache mode"),
    // --- add hardware: serial ports, RNGs, displays (issue 10) ---
    DEVICE_ADD("Adding serial, RNG, display"),
    CPU_MODEL("Changing a VM's CPU model"),
    // --- kvmhw: a pool's volume to a local file (issue 10) ---
    VOLUME_DOWNLOAD("Downloading a volume"),
    // --- hostdev: the host's PCI and USB devices given to VMs (issue 10) ---
    HOSTDEV("Host PCI and USB devices"),
    // --- kvmpools: pools themselves (issue 10) ---
    POOL_MANAGE("Creating and controlling storage pools");

    private final String label;

    Feature(String label) {
        this.label = label;
    }

    /** Label that starts a sentence in messages. */
    public String label() {
        return label;
    }
}
