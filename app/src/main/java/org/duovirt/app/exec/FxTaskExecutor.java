package org.duovirt.app.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/** Posts UI work to the JavaFX application thread and runs background work on a small daemon pool. */
public final class FxTaskExecutor implements TaskExecutor {
    /** Small on purpose: long jobs and file work, never per-host polling (each host has its own thread). */
    private static final int POOL_SIZE = 4;
    private final ExecutorService pool = Executors.newFixedThreadPool(POOL_SIZE, DaemonThreads.named("duovirt-background"));

    @Override
    public void ui(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }

    @Override
    public <T> CompletableFuture<T> background(String what, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        pool.execute(() -> TaskExecutor.complete(future, work));
        return future;
    }
}
