package org.duovirt.app.console;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;

/**
 * Opens a VM's text console again when its stream ended by itself: an SSH channel to a busy dom0 dropped,
 * xenconsole left because the domain was rebuilt with a new id (a reboot). It tries while the tab is open and
 * the VM still runs, waiting 1, 2, 4, 8 and 16 s between tries; a console that keeps ending within seconds of
 * being opened again is given up after as many times, so a broken console does not loop.
 */
final class ConsoleReattacher implements TextConsoleTtyConnector.Reattach {
    private static final Logger LOG = Logger.getLogger(ConsoleReattacher.class.getName());
    static final int TRIES = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration QUICK_END = Duration.ofSeconds(10);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private final VmRow row;
    private final BooleanSupplier tabClosed;
    private final Consumer<Boolean> reattaching;
    private final Duration firstWait;
    private long lastReattachNanos = Long.MIN_VALUE;
    private int quickEnds;

    /** @param reattaching told true when a reattach starts and false when the console is back */
    ConsoleReattacher(VmRow row, BooleanSupplier tabClosed, Consumer<Boolean> reattaching) {
        this(row, tabClosed, reattaching, FIRST_WAIT);
    }

    /** With a shorter first wait, for tests. */
    ConsoleReattacher(VmRow row, BooleanSupplier tabClosed, Consumer<Boolean> reattaching, Duration firstWait) {
        this.row = row;
        this.tabClosed = tabClosed;
        this.reattaching = reattaching;
        this.firstWait = firstWait;
    }

    @Override
    public TextConsole reattach() {
        boolean quick = lastReattachNanos != Long.MIN_VALUE && System.nanoTime() - lastReattachNanos < QUICK_END.toNanos();
        quickEnds = quick ? quickEnds + 1 : 0;
        if (quickEnds >= TRIES) {
            LOG.info(() -> "The console of " + row.name() + " keeps ending at once; not opened again.");
            return null;
        }
        reattaching.accept(true);
        for (int attempt = 0; attempt < TRIES && !tabClosed.getAsBoolean(); attempt++) {
            if (!pause(firstWait.toMillis() << attempt) || tabClosed.getAsBoolean()) {
                return null;
            }
            CompletableFuture<TextConsole> opening = row.host().call("Opening the console of " + row.name() + " again",
                    c -> stillRuns(c) ? c.openConsole(row.name()) : null);
            try {
                TextConsole next = opening.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    LOG.info(() -> "The console of " + row.name() + " ended with the VM.");
                    return null;
                }
                lastReattachNanos = System.nanoTime();
                reattaching.accept(false);
                int tries = attempt + 1;
                LOG.info(() -> "The console of " + row.name() + " was opened again (try " + tries + ").");
                return next;
            } catch (ExecutionException | TimeoutException e) {
                // A console that arrives after its time is let go of, not leaked.
                opening.thenAccept(TextConsoleTtyConnector::quietlyClose);
                LOG.info(() -> "Opening the console of " + row.name() + " again failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private boolean stillRuns(HostConnection c) {
        return c.listVms(false).stream().anyMatch(v -> v.name().equals(row.name()) && v.state().isActive());
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
