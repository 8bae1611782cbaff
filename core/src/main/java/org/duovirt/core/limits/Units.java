package org.duovirt.core.limits;

import org.duovirt.core.error.InvalidSpecException;

/**
 * The unit conversions of user-given sizes, in one place and overflow-safe: a product that does not
 * fit is refused with the bound's sentence, never wrapped round into a small number.
 */
public final class Units {
    private static final long GIB = 1L << 30;

    private Units() {
    }

    /** MiB → KiB, as libvirt and xl take memory. */
    public static long mibToKiB(long mib) {
        try {
            return Math.multiplyExact(mib, 1024L);
        } catch (ArithmeticException e) {
            throw new InvalidSpecException(Problem.of(Limit.MEMORY_MAX, mib, Long.MAX_VALUE / 1024).text());
        }
    }

    /** A disk size in GiB → bytes, rounded up; NaN, infinite, negative and over 1 PiB are refused. */
    public static long gibToBytes(double gib) {
        Problem problem = Bounds.diskSize(gib);
        if (problem != null) {
            throw new InvalidSpecException(problem.text());
        }
        return (long) Math.ceil(gib * GIB);
    }

    /** Bytes → GiB for messages, one decimal. */
    public static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) GIB);
    }
}
