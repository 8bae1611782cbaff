package org.duovirt.core.model;

import java.util.Locale;

/** The state of a virtual machine as every backend reports it. */
public enum VmState {
    RUNNING, PAUSED, SHUTOFF, CRASHED,
    /** Saved to a file or suspended to RAM by the guest (libvirt pmsuspended, xl save). */
    SUSPENDED,
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
