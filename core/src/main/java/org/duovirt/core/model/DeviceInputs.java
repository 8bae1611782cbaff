package org.duovirt.core.model;

import java.util.regex.Pattern;

/**
 * Checks of what users type for devices and storage, shared by the CLI, the view models and the
 * backends so they refuse the same things with the same words. Each method returns one sentence saying
 * what is wrong, or null when the value can be used.
 */
public final class DeviceInputs {
    /** Largest volume Duovirt creates: 1 PiB, far beyond any pool here, small enough for every long sum. */
    public static final long MAX_VOLUME_BYTES = 1L << 50;

    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern TARGET = Pattern.compile("(vd|sd|hd|xvd)[a-z]{1,3}");
    private static final Pattern VOLUME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

    private DeviceInputs() {
    }

    /** Six pairs of hex digits joined by ':'; a multicast address (odd first byte) is refused too. */
    public static String macProblem(String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            return "'" + printable(mac) + "' is not a MAC address; write six pairs of hex digits like 52:54:00:12:34:56.";
        }
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) == 1) {
            return "The MAC address " + mac + " is a multicast address; a NIC needs one whose first byte is even.";
        }
        return null;
    }

    /** A guest device name: vdb, sdc, hda, xvdb. */
    public static String targetProblem(String target) {
        if (target == null || !TARGET.matcher(target).matches()) {
            return "'" + printable(target) + "' is not a disk device name; use one like vdb, sdb or xvdb.";
        }
        return null;
    }

    /**
     * An absolute host path. Spaces, quotes and unicode are fine (writers escape them); control characters
     * and commas are not: xl's disk specs cannot carry a comma and no log line should carry a newline.
     */
    public static String pathProblem(String path) {
        if (path == null || path.isBlank()) {
            return "The path is empty.";
        }
        if (!path.startsWith("/")) {
            return "The path '" + printable(path) + "' is not absolute; start it with '/'.";
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            return "The path must not contain control characters such as a newline.";
        }
        if (path.contains(",")) {
            return "The path '" + printable(path) + "' contains a comma, which Xen's disk specs cannot hold; rename the file.";
        }
        return null;
    }

    /** A volume name: letters, digits, '.', '_', '+' and '-', not starting with '.' or '-', at most 128. */
    public static String volumeNameProblem(String name) {
        if (name == null || !VOLUME.matcher(name).matches()) {
            return "'" + printable(name) + "' cannot name a volume; use letters, digits, '.', '_', '+' and '-' "
                    + "(not first), at most 128.";
        }
        return null;
    }

    /**
     * A new volume's size against what its pool has free.
     *
     * @param availableBytes what the pool has free, or a negative number when unknown
     */
    public static String sizeProblem(long bytes, long availableBytes) {
        if (bytes <= 0 || bytes > MAX_VOLUME_BYTES) {
            return "A volume must be larger than 0 and at most 1 PiB; " + bytes + " bytes was asked for.";
        }
        if (availableBytes >= 0 && bytes > availableBytes) {
            return "The pool has " + mib(availableBytes) + " MiB free; " + mib(bytes) + " MiB does not fit.";
        }
        return null;
    }

    /** "10G", "512M", "1.5GiB", "4096" (bytes) → bytes; overflow-safe. */
    public static long parseSize(String text) {
        String t = text == null ? "" : text.strip();
        java.util.regex.Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KkMmGgTtPp]?)(?:i?[Bb])?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + printable(text) + "' is not a size; write it like 512M, 10G or 1.5T.");
        }
        int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            case "P" -> 50;
            default -> 0;
        };
        java.math.BigDecimal bytes = new java.math.BigDecimal(m.group(1)).multiply(java.math.BigDecimal.valueOf(2).pow(shift));
        if (bytes.compareTo(java.math.BigDecimal.valueOf(MAX_VOLUME_BYTES)) > 0) {
            throw new IllegalArgumentException("The size " + t + " is beyond 1 PiB.");
        }
        return bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }

    /** The value as a message may show it: control characters as '?'. */
    public static String printable(String text) {
        return text == null ? "" : text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
