package org.duovirt.app.host;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.HostConnection;

/**
 * What jobs had made on a host when it vanished under them (a VM defined, a disk written): their own
 * undo could not reach the host, so the removal waits here until the host answers again. A removal that
 * finds the host gone once more stays queued; any other failure completes its future with the error, so
 * the job's owner can tell the user what is still there.
 */
final class Leftovers {
    private static final Logger LOG = Logger.getLogger(Leftovers.class.getName());

    private record Removal(String what, Consumer<HostConnection> run, CompletableFuture<Void> done) {
    }

    private final Queue<Removal> pending = new ConcurrentLinkedQueue<>();

    CompletableFuture<Void> add(String what, Consumer<HostConnection> run) {
        Removal r = new Removal(what, run, new CompletableFuture<>());
        pending.add(r);
        LOG.info(() -> "Will remove " + what + " when the host answers again.");
        return r.done();
    }

    int size() {
        return pending.size();
    }

    /** Runs every queued removal on {@code c}, on the calling (host) thread. */
    void removeAll(HostConnection c, String host) {
        for (Removal r; (r = pending.poll()) != null; ) {
            try {
                r.run().accept(c);
                Removal ran = r;
                LOG.info(() -> host + ": removed " + ran.what() + ", left by a job interrupted when the host vanished.");
                r.done().complete(null);
            } catch (HostUnreachableException e) {
                pending.add(r);
                throw e;
            } catch (RuntimeException e) {
                if (!c.isAlive()) {
                    pending.add(r);
                    throw new HostUnreachableException(host + " stopped answering while " + r.what() + " was being removed.", null, e);
                }
                Removal failed = r;
                LOG.warning(() -> host + ": could not remove " + failed.what() + ": " + e.getMessage());
                r.done().completeExceptionally(e instanceof DuovirtException d ? d : new DuovirtException(e.getMessage(), e));
            }
        }
    }
}
