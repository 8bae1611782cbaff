package org.duovirt.xen;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.transport.CommandRunner;

/**
 * The first VM listing of a new connection, read with the connection's check: the domains are the check's own
 * {@code xl list -v} ({@link XenBackend#CHECK_SCRIPT}), the owned configs are read beside it. The app lists the VMs
 * right after connecting, and on an emulated dom0 just back from a reboot the check ({@code xl info} then) took 7-10 s
 * and the listing 5.6 s more, one after the other. Used once, by the first listing, and only if no other command ran
 * on the connection before it (a removal of what a job left, say) and its domains are at most {@link #FRESH_MS} old;
 * otherwise that listing reads dom0 again, as it always did. A read that failed is no error: the listing reads again.
 */
final class FirstListing {
    static final long FRESH_MS = 10_000;
    private final CompletableFuture<Map<String, OwnedVm>> configs;
    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile List<XlDomainRow> domains;
    private volatile long readAt;

    private FirstListing(CompletableFuture<Map<String, OwnedVm>> configs) {
        this.configs = configs;
    }

    /** Starts reading the owned configs on {@code runner} now. */
    static FirstListing start(CommandRunner runner) {
        OwnedConfigStore store = new OwnedConfigStore(runner);
        return new FirstListing(CompletableFuture.supplyAsync(store::loadAll, XenVmViews.SIDE));
    }

    /** The domains the check listed, just now. */
    void domains(List<XlDomainRow> rows) {
        readAt = System.nanoTime();
        domains = rows;
    }

    /** Whether the configs' read has ended (tests). */
    boolean done() {
        return configs.isDone();
    }

    /**
     * What was read, the first time this is asked and when {@code commandsSince} is 0; null otherwise (read again).
     * Waits for the configs' read if it still runs, at most as long as a command may take.
     */
    XenVmViews.Reads take(long commandsSince) {
        List<XlDomainRow> rows = domains;
        if (commandsSince != 0 || rows == null || !taken.compareAndSet(false, true)) {
            return null;
        }
        try {
            Map<String, OwnedVm> owned = configs.get(CommandRunner.DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return System.nanoTime() - readAt <= FRESH_MS * 1_000_000 ? new XenVmViews.Reads(rows, owned) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
