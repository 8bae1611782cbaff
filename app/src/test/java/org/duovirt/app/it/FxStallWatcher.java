package org.duovirt.app.it;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to run an empty task, over and over while a test runs: the worst
 * figure is the longest the window could not react. With -Dhard.diag the FX thread's stack is printed
 * whenever it is busy past 40 ms.
 */
final class FxStallWatcher implements AutoCloseable {
    private final AtomicLong worstMs = new AtomicLong();
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread thread = new Thread(this::watch, "fx-stall-watcher");

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
                    if (fx != null && System.getProperty("hard.diag") != null) {
                        StringBuilder b = new StringBuilder("FX thread busy for " + (System.nanoTime() - t0) / 1_000_000 + " ms at:\n");
                        for (StackTraceElement e : fx.getStackTrace()) {
                            b.append("    ").append(e).append('\n');
                        }
                        System.out.print(b);
                    }
                }
                worstMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        thread.join(2000);
    }
}
