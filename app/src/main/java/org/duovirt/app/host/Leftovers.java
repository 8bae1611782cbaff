package org.duovirt.app.host;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.HostConnection;

/**
 * What jobs had made on a host when it vanished under them (a VM defined, a disk written): their own
 * undo could not reach the host, so the removal waits here until the host answers again. A removal that
 * finds the host gone once more (or is cut short) stays queued; any other failure completes its future with
 * the error, so the job's owner can tell the user what is still there.
 */
final class Leftovers {
    private static final Logger LOG = Logger.getLogger(Leftovers.class.getName());

    /** One removal; {@code running} keeps two threads (a reconnect and a late job) from running it at once. */
    private record Removal(String what, Consumer<HostConnection> run, CompletableFuture<Void> done, AtomicBoolean running) {
    }

    private final Queue<Removal> pending = new ConcurrentLinkedQueue<>();

    CompletableFuture<Void> add(String what, Consumer<HostConnection> run) {
        Removal r = new Removal(what, run, new CompletableFuture<>(), new AtomicBoolean());
        pending.add(r);
        LOG.info(() -> "Will remove " + what + " when the host answers again.");
        return r.done();
    }

    int size() {
        return pending.size();
    }

    /**
     * Runs every queued removal on {@code c}, on the calling (host) thread. A removal leaves the queue only when
     * it has run (or failed for a reason other than the host), so one cut short by a timeout runs again later.
     */
    void removeAll(HostConnection c, String host) {
        for (Removal r : List.copyOf(pending)) {
            if (!r.running().compareAndSet(false, true)) {
                continue;
            }
            try {
                r.run().accept(c);
                pending.remove(r);
                LOG.info(() -> host + ": removed " + r.what() + ", left by a job interrupted when the host vanished.");
                r.done().complete(null);
            } catch (HostUnreachableException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!c.isAlive()) {
                    throw new HostUnreachableException(host + " stopped answering while " + r.what() + " was being removed.", null, e);
                }
                pending.remove(r);
                LOG.warning(() -> host + ": could not remove " + r.what() + ": " + e.getMessage());
                r.done().completeExceptionally(e instanceof DuovirtException d ? d : new DuovirtException(e.getMessage(), e));
            } finally {
                r.running().set(false);
            }
        }
    }
}
