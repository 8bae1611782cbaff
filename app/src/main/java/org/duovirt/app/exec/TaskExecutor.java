package org.duovirt.app.exec;

/**
 * The one way view models reach the UI thread. The JavaFX implementation posts to the FX thread;
 * the direct one runs at once, so view models can be unit-tested without a window.
 */
public interface TaskExecutor {
    /** Runs {@code action} on the UI thread (later, or now when already on it). */
    void ui(Runnable action);

    /** True on the thread that may change UI-bound state. */
    boolean isUiThread();

    /** Fails fast when state bound to controls is changed off the UI thread. */
    default void assertUiThread() {
        if (!isUiThread()) {
            throw new IllegalStateException("UI state changed off the UI thread: " + Thread.currentThread().getName());
        }
    }
}
