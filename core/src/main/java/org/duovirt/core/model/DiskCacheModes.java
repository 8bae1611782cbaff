package org.duovirt.core.model;

import java.util.List;

/** The disk cache modes libvirt's {@code <driver cache=…>} takes, and the check of a chosen one. */
public final class DiskCacheModes {
    /** "default" means no cache attribute: the hypervisor's own choice. */
    public static final List<String> MODES = List.of("default", "none", "writethrough", "writeback", "directsync", "unsafe");

    private DiskCacheModes() {
    }

    /** @return why {@code mode} is not a cache mode, one sentence, or null when it is */
    public static String problem(String mode) {
        return MODES.contains(mode) ? null
                : "'" + DeviceInputs.printable(mode) + "' is not a cache mode; use one of " + String.join(", ", MODES) + ".";
    }
}
