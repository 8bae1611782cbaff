package org.duovirt.app.host;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.core.error.HostUnreachableException;

/**
 * A host's background thread, with a watchdog: a call that outlives its timeout fails with
 * {@link HostUnreachableException} and the stuck thread is abandoned for a fresh one, so the next
 * call (a reconnect) does not queue behind a hang.
 */
final class GuardedWorker {
    private static final Logger LOG = Logger.getLogger(GuardedWorker.class.getName());
    private final String name;
    private final ScheduledExecutorService timer;
    private ExecutorService worker;

    GuardedWorker(String name, ScheduledExecutorService timer) {
        this.name = name;
        this.timer = timer;
        this.worker = newWorker();
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(DaemonThreads.named("host-" + name));
    }

    /** Runs {@code call} on the host thread; the future fails after {@code timeout}. */
    <T> CompletableFuture<T> submit(String what, Duration timeout, Supplier<T> call) {
        ExecutorService current;
        synchronized (this) {
            current = worker;
        }
        CompletableFuture<T> result = CompletableFuture.supplyAsync(call, current);
        timer.schedule(() -> {
            if (result.completeExceptionally(new HostUnreachableException(
                    what + " on " + name + " did not answer within " + timeout.toSeconds() + " s.",
                    "Duovirt marks the host disconnected and keeps retrying.", null))) {
                LOG.warning(() -> what + " on " + name + " timed out after " + timeout);
                abandon(current);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    private synchronized void abandon(ExecutorService stuck) {
        if (worker == stuck) {
            stuck.shutdownNow();
            worker = newWorker();
        }
    }

    void shutdown() {
        synchronized (this) {
            worker.shutdownNow();
        }
    }
}
