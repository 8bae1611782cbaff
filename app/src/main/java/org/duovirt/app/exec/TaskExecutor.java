package org.duovirt.app.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The one way view models leave and reach the UI thread. {@link #background} runs work off the UI thread;
 * {@link #ui} brings results back. The JavaFX implementation posts to the FX thread and runs background work
 * on a small pool; {@link DirectTaskExecutor} runs both on the calling thread for tests, but still knows
 * which context it is in, so a view model that changes UI state from background work fails its test.
 *
 * <p>Work that must be serial per host (every call to one connection) goes through that host's
 * {@code HostSession}; this pool is for work that may run beside it (long jobs, file reading, osinfo).
 */
public interface TaskExecutor {
    /** Runs {@code action} on the UI thread (later, or now when already on it). */
    void ui(Runnable action);

    /** True on the thread that may change UI-bound state. */
    boolean isUiThread();

    /**
     * Runs {@code work} off the UI thread. The future completes on the worker; hop back with {@link #ui}.
     *
     * @param what a short phrase for thread names and logs
     */
    <T> CompletableFuture<T> background(String what, Callable<T> work);

    /** Fails fast when state bound to controls is changed off the UI thread. */
    default void assertUiThread() {
        if (!isUiThread()) {
            throw new IllegalStateException("UI state changed off the UI thread: " + Thread.currentThread().getName());
        }
    }

    /** Fails fast when blocking work (a hypervisor call) is about to run on the UI thread. */
    default void assertNotUiThread() {
        if (isUiThread()) {
            throw new IllegalStateException("A blocking call ran on the UI thread.");
        }
    }

    /** Runs a callable into a future, failures included; shared by the implementations. */
    static <T> void complete(CompletableFuture<T> future, Callable<T> work) {
        try {
            future.complete(work.call());
        } catch (Throwable e) {
            future.completeExceptionally(e);
        }
    }
}
