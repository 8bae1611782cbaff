package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A device a VM may boot from, in the order the firmware tries them. */
public enum BootDevice {
    HD, CDROM, NETWORK, FLOPPY;

    /** libvirt's word: hd, cdrom, network, fd. */
    public String word() {
        return this == FLOPPY ? "fd" : name().toLowerCase(Locale.ROOT);
    }

    /**
     * A boot order as users type it: "hd,cdrom" or "cdrom network". Each device at most once.
     *
     * @throws IllegalArgumentException naming the word that is not a device, or the repeated one
     */
    public static List<BootDevice> parseOrder(String text) {
        List<BootDevice> out = new ArrayList<>();
        Set<BootDevice> seen = new LinkedHashSet<>();
        for (String word : (text == null ? "" : text).strip().split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            BootDevice d = switch (word.toLowerCase(Locale.ROOT)) {
                case "hd", "disk" -> HD;
                case "cdrom", "cd" -> CDROM;
                case "network", "net", "pxe" -> NETWORK;
                case "fd", "floppy" -> FLOPPY;
                default -> throw new IllegalArgumentException("'" + word + "' is not a boot device; use hd, cdrom, network or fd.");
            };
            if (!seen.add(d)) {
                throw new IllegalArgumentException("The boot order names " + d.word() + " twice.");
            }
            out.add(d);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The boot order needs at least one device (hd, cdrom, network, fd).");
        }
        return out;
    }
}
