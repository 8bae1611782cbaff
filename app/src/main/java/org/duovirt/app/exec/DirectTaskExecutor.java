package org.duovirt.app.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Runs everything on the calling thread, for view-model tests without a window, while still checking the
 * thread rules: the "UI thread" is the thread that made this executor, or any thread while inside
 * {@link #ui}. Code inside {@link #background}, or on another thread outside {@code ui}, is not on the UI
 * thread, so {@link #assertUiThread()} fails there just as it would on the FX thread's worker.
 */
public final class DirectTaskExecutor implements TaskExecutor {
    private final Thread owner = Thread.currentThread();
    private final ThreadLocal<Integer> uiDepth = ThreadLocal.withInitial(() -> 0);
    private final ThreadLocal<Integer> backgroundDepth = ThreadLocal.withInitial(() -> 0);

    @Override
    public void ui(Runnable action) {
        int saved = backgroundDepth.get();
        backgroundDepth.set(0);
        uiDepth.set(uiDepth.get() + 1);
        try {
            action.run();
        } finally {
            uiDepth.set(uiDepth.get() - 1);
            backgroundDepth.set(saved);
        }
    }

    @Override
    public boolean isUiThread() {
        if (backgroundDepth.get() > 0) {
            return false;
        }
        return uiDepth.get() > 0 || Thread.currentThread() == owner;
    }

    @Override
    public <T> CompletableFuture<T> background(String what, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        int savedUi = uiDepth.get();
        uiDepth.set(0);
        backgroundDepth.set(backgroundDepth.get() + 1);
        try {
            TaskExecutor.complete(future, work);
        } finally {
            backgroundDepth.set(backgroundDepth.get() - 1);
            uiDepth.set(savedUi);
        }
        return future;
    }
}
