package org.duovirt.xen;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duovirt.xen.transport.CommandRunner;

/**
 * The first VM listing of a new connection, read while the connection's check ({@code xl info}) runs: the app lists
 * the VMs right after connecting, and on an emulated dom0 just back from a reboot the check took 7 s and the
 * listing 5.6 s, one after the other. Used once, by the first listing, and only if no other command ran on the
 * connection before it (a removal of what a job left, say) and it is at most {@link #FRESH_MS} old; otherwise that
 * listing reads dom0 again, as it always did. A read that failed is not an error: the listing then reads again.
 */
final class FirstListing {
    static final long FRESH_MS = 10_000;
    private final CompletableFuture<XenVmViews.Reads> reads;
    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile long readAt;

    private FirstListing(CompletableFuture<XenVmViews.Reads> reads) {
        this.reads = reads;
    }

    /** Starts both reads on {@code runner} now. */
    static FirstListing start(CommandRunner runner) {
        XenDomains domains = new XenDomains(new Xl(runner), new OwnedConfigStore(runner));
        FirstListing first = new FirstListing(new CompletableFuture<>());
        XenVmViews.SIDE.execute(() -> {
            try {
                XenVmViews.Reads r = XenVmViews.read(domains);
                first.readAt = System.nanoTime();
                first.reads.complete(r);
            } catch (RuntimeException e) {
                first.reads.completeExceptionally(e);
            }
        });
        return first;
    }

    /** Whether both reads have ended (tests). */
    boolean done() {
        return reads.isDone();
    }

    /**
     * What was read, the first time this is asked and when {@code commandsSince} is 0; null otherwise (read again).
     * Waits for reads still running, at most as long as a command may take.
     */
    XenVmViews.Reads take(long commandsSince) {
        if (commandsSince != 0 || !taken.compareAndSet(false, true)) {
            return null;
        }
        try {
            XenVmViews.Reads r = reads.get(CommandRunner.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return System.nanoTime() - readAt <= FRESH_MS * 1_000_000 ? r : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
