package org.duovirt.core.properties;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while running a piece of code (HotSpot's per-thread counter), to
 * show a check costs the same whatever number the user typed.
 */
public final class Allocation {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    public static long bytes(Runnable code) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        code.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }
}
