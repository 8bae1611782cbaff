package org.duovirt.core.limits;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.InvalidSpecException;

/**
 * The one place user-given numbers are checked: vCPUs and memory against the host's limits, disk
 * sizes against a pool, sampling intervals and counts. The CLI, the app's view models and both
 * backends call these, so a bound is refused with the same sentence wherever it is typed.
 * Every check is arithmetic on the given values; nothing here allocates in proportion to them.
 */
public final class Bounds {
    /** The most vCPUs any hypervisor Duovirt drives takes (QEMU's q35 limit); checked before the host is asked. */
    public static final int ABSOLUTE_MAX_VCPUS = 4096;
    public static final long MIN_MEMORY_MIB = 16;
    /** 1 PiB in GiB. */
    public static final double MAX_DISK_GIB = 1 << 20;
    public static final double MIN_INTERVAL_S = 0.1;
    public static final double MAX_INTERVAL_S = 86_400;

    private Bounds() {
    }

    /** vCPUs against a maximum (the host's for the VM, or {@link #ABSOLUTE_MAX_VCPUS}); null when fine. */
    public static Problem vcpus(long count, int max) {
        if (count < 1) {
            return Problem.of(Limit.VCPUS_MIN, count);
        }
        return count > max ? Problem.of(Limit.VCPUS_MAX, max, count) : null;
    }

    /** Memory in MiB against the host's memory (Long.MAX_VALUE when unknown); null when fine. */
    public static Problem memory(long mib, long hostMiB) {
        if (mib < MIN_MEMORY_MIB) {
            return Problem.of(Limit.MEMORY_MIN, mib);
        }
        return mib > hostMiB ? Problem.of(Limit.MEMORY_MAX, mib, hostMiB) : null;
    }

    /** A new disk's size on its own: more than 0, at most 1 PiB, a real number. */
    public static Problem diskSize(double gib) {
        return gib > 0 && gib <= MAX_DISK_GIB ? null : Problem.of(Limit.DISK_SIZE, gib);
    }

    /**
     * A new sparse disk against its pool: past the pool's capacity is refused unless the user insists;
     * past its free space is a warning.
     *
     * @return the refusal (capacity) or the warning (free space), or null
     */
    public static Problem diskInPool(long bytes, String pool, long capacityBytes, long freeBytes) {
        String gib = Units.gib(bytes);
        if (capacityBytes > 0 && bytes > capacityBytes) {
            return Problem.of(Limit.DISK_CAPACITY, gib, pool, Units.gib(capacityBytes));
        }
        if (freeBytes >= 0 && bytes > freeBytes) {
            return Problem.of(Limit.DISK_FREE, gib, Units.gib(freeBytes), pool);
        }
        return null;
    }

    /** A sampling interval in seconds: finite, 0.1 s to one day. */
    public static Problem interval(double seconds) {
        return seconds >= MIN_INTERVAL_S && seconds <= MAX_INTERVAL_S ? null : Problem.of(Limit.INTERVAL, seconds);
    }

    /** A sample count: 0 means until interrupted. */
    public static Problem count(long count) {
        return count >= 0 ? null : Problem.of(Limit.COUNT, count);
    }

    /** Throws the problems as one {@link InvalidSpecException}; does nothing when there are none. */
    public static void require(Problem... problems) {
        List<String> texts = new ArrayList<>();
        for (Problem p : problems) {
            if (p != null) {
                texts.add(p.text());
            }
        }
        if (!texts.isEmpty()) {
            throw new InvalidSpecException(texts);
        }
    }
}
