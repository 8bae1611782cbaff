package org.duovirt.kvm;

import java.util.Locale;

/** libvirt's size units (b, KiB, MiB, G …) converted to KiB and bytes. */
final class Units {
    private Units() {
    }

    static long toKiB(long value, String unit) {
        return toBytes(value, unit) / 1024;
    }

    /** libvirt's rule: k/KiB/M/MiB … are powers of 1024, KB/MB … powers of 1000, b/bytes is bytes. */
    static long toBytes(long value, String unit) {
        String u = unit == null ? "b" : unit.strip();
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "b", "bytes" -> value;
            case "kb" -> value * 1000L;
            case "k", "kib" -> value * 1024L;
            case "mb" -> value * 1000_000L;
            case "m", "mib" -> value << 20;
            case "gb" -> value * 1000_000_000L;
            case "g", "gib" -> value << 30;
            case "tb" -> value * 1000_000_000_000L;
            case "t", "tib" -> value << 40;
            default -> value * 1024L;
        };
    }
}
