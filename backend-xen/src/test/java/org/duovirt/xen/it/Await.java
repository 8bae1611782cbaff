package org.duovirt.xen.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition with a generous deadline: everything under QEMU emulation is 5-10x slower. */
final class Await {
    private Await() {
    }

    /** Polls every {@code period} until {@code value} gives a non-null result; fails with {@code what} after {@code timeout}. */
    static <T> T until(String what, Duration timeout, Duration period, Supplier<T> value) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                T result = value.get();
                if (result != null) {
                    return result;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Timed out after " + timeout + " waiting for " + what);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            Thread.sleep(period.toMillis());
        }
    }
}
