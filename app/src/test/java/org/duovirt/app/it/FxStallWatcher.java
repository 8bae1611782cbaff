package org.duovirt.app.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to run an empty task, over and over while a test runs: the worst
 * figure is the longest the window could not react. Whenever it is busy past 40 ms its stack is sampled: a
 * hypervisor or network call found there (libvirt, JNA, JSch, a backend, a socket) is what "never freeze" forbids,
 * whatever the machine's load. With -Dhard.diag every sample is printed.
 */
final class FxStallWatcher implements AutoCloseable {
    /**
     * The worst stall a test accepts. Measured: 7 ms on a quiet machine (CI rehearsal), 115-256 ms at load 24-28 on
     * this 2-core machine with seven engineers' builds (the samples then show only JavaFX's own CSS, layout and
     * rendering); three times the loaded figure, so CI stays green under load. A hung call on the FX thread would
     * last seconds, and the sampled stacks catch even a short one.
     */
    static final long BOUND_MS = 750;
    private static final java.util.List<String> HOST_CALLS = java.util.List.of("org.libvirt.", "com.sun.jna.", "com.jcraft.",
            "org.duovirt.kvm.", "org.duovirt.xen.", "java.net.Socket", "sun.nio.ch.");
    private final java.util.List<String> hostCallsOnFx = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong worstMs = new AtomicLong();
    /** Every stall of 100 ms (the bound) or more: when it began (nanoTime) and how long it lasted. */
    private final java.util.List<long[]> long100 = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::watch, "fx-stall-watcher");
    /** The test's own work on the FX thread (a snapshot for a picture), not counted: [from, until] in nanoTime. */
    private volatile long excludedFrom = Long.MAX_VALUE;
    private volatile long excludedUntil = Long.MIN_VALUE;

    private FxStallWatcher() {
    }

    static FxStallWatcher start() {
        FxStallWatcher w = new FxStallWatcher();
        w.thread.setDaemon(true);
        w.thread.start();
        return w;
    }

    /** The worst stall so far, in ms. */
    long worstMs() {
        return worstMs.get();
    }

    /** The worst stall so far, starting again from zero. */
    long reset() {
        return worstMs.getAndSet(0);
    }

    /** The stalls of 100 ms or more, as "+12.3 s: 140 ms" from {@code zeroNanos}, for a test's timeline. */
    String over100ms(long zeroNanos) {
        StringBuilder b = new StringBuilder();
        for (long[] s : long100) {
            b.append(String.format("%s%+.1f s: %d ms", b.length() == 0 ? "" : ", ", (s[0] - zeroNanos) / 1e9, s[1]));
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    interface FxWork {
        void run() throws Exception;
    }

    /** Runs the test's own FX-thread work (a snapshot); stalls overlapping it are not counted. */
    void excluding(FxWork work) throws Exception {
        excludedUntil = Long.MAX_VALUE;
        excludedFrom = System.nanoTime();
        try {
            work.run();
        } finally {
            CountDownLatch past = new CountDownLatch(1);
            Platform.runLater(past::countDown);
            past.await(30, TimeUnit.SECONDS);
            excludedUntil = System.nanoTime();
        }
    }

    private static Thread fxThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
    }

    private void watch() {
        while (watching.get()) {
            long t0 = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(ran::countDown);
            try {
                Thread fx = fxThread();
                while (!ran.await(40, TimeUnit.MILLISECONDS)) {
                    if (fx != null) {
                        sample(fx, t0);
                    }
                }
                long t1 = System.nanoTime();
                if (t1 < excludedFrom || t0 > excludedUntil) {
                    long ms = (t1 - t0) / 1_000_000;
                    worstMs.accumulateAndGet(ms, Math::max);
                    if (ms >= 100) {
                        long100.add(new long[] {t0, ms});
                    }
                }
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(Thread fx, long t0) {
        StackTraceElement[] stack = fx.getStackTrace();
        StringBuilder b = new StringBuilder("FX thread busy for " + (System.nanoTime() - t0) / 1_000_000 + " ms at:\n");
        boolean hostCall = false;
        for (StackTraceElement e : stack) {
            b.append("    ").append(e).append('\n');
            hostCall |= HOST_CALLS.stream().anyMatch(e.getClassName()::startsWith);
        }
        if (hostCall && hostCallsOnFx.isEmpty()) {
            hostCallsOnFx.add(b.toString());
        }
        if (System.getProperty("hard.diag") != null) {
            System.out.print(b);
        }
    }

    /** Fails when the FX thread was seen in a host call, or stalled past {@link #BOUND_MS}; prints the worst stall. */
    void assertNeverFroze(String what) {
        assertNeverFroze(what, worstMs());
    }

    /** The same, for a test that {@link #reset} the watch between its phases and kept the worst of them. */
    void assertNeverFroze(String what, long worst) {
        System.out.printf("worst FX thread stall (%s): %d ms%n", what, worst);
        org.assertj.core.api.Assertions.assertThat(hostCallsOnFx).as("host calls seen on the FX thread").isEmpty();
        org.assertj.core.api.Assertions.assertThat(worst).as("worst FX thread stall, ms").isLessThan(BOUND_MS);
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        thread.join(2000);
    }
}
