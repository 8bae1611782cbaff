package org.duovirt.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** The benches' way onto the JavaFX thread: a call there, or a value polled there until it is not null. */
final class Fx {
    private Fx() {
    }

    /** Runs {@code call} on the JavaFX thread and returns its value. */
    static <T> T call(Callable<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.join();
    }

    /** Polls {@code value} on the JavaFX thread every 200 ms until it is not null (two minutes at most). */
    static <T> T await(String what, Callable<T> value) throws InterruptedException {
        return await(what, value, () -> "");
    }

    /** As {@link #await(String, Callable)}; a time-out says what {@code seen} showed last. */
    static <T> T await(String what, Callable<T> value, Callable<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            T v = call(value);
            if (v != null) {
                return v;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out waiting for " + what + ": " + call(seen));
    }
}
