package org.duovirt.core.model;

import java.util.Locale;

/** The state of a virtual machine as every backend reports it. */
public enum VmState {
    RUNNING, PAUSED, SHUTOFF, CRASHED,
    /** Suspended to RAM by the guest's power management (libvirt pmsuspended): virt-manager's "Suspended". */
    SUSPENDED,
    /**
     * Shut off with a saved memory image that the next start resumes (libvirt managed save, xl save by this
     * connection): virt-manager's "Saved". Not active.
     */
    SAVED,
    /** Shutting down, dying, blocked on something the backend cannot name. */
    OTHER;

    /** The lower-case word used by the CLI and JSON output. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return this == RUNNING || this == PAUSED || this == OTHER;
    }
}
