package org.duovirt.core.model;

import java.util.Locale;

/**
 * How a guest is virtualized. KVM hosts offer {@link #KVM} (hardware assisted) and {@link #QEMU}
 * (pure emulation); Xen hosts offer paravirtualized {@link #PV}, {@link #PVH} and fully virtualized {@link #HVM}.
 */
public enum VirtMode {
    KVM, QEMU, PV, PVH, HVM;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VirtMode fromCliName(String text) {
        for (VirtMode mode : values()) {
            if (mode.cliName().equals(text.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown virtualization mode '" + text + "': use one of kvm, qemu, pv, pvh, hvm.");
    }
}
