package org.duovirt.app;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;

/**
 * The host Duovirt opens when none is configured: the local libvirt when it answers, else libvirt's
 * built-in test driver as a demo. Shared by the desktop app and the CLI.
 */
public final class DefaultConnection {
    public static final String LOCAL_LIBVIRT = "qemu:///system";
    public static final String DEMO = "test:///default";

    private DefaultConnection() {
    }

    /** An opened default host; {@code demo} is true when it is the test driver. */
    public record Opened(HostConnection connection, boolean demo) {
    }

    /** Tries the local libvirt for at most {@code timeout}, then falls back to the demo. Blocking. */
    public static Opened open(Backends backends, Duration timeout) {
        HostConnection local = tryOpen(backends, LOCAL_LIBVIRT, timeout);
        if (local != null) {
            return new Opened(local, false);
        }
        return new Opened(backends.connect(DEMO), true);
    }

    private static HostConnection tryOpen(Backends backends, String uri, Duration timeout) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "default-connection-probe");
            t.setDaemon(true);
            return t;
        });
        Future<HostConnection> attempt = worker.submit(() -> backends.connect(uri));
        try {
            return attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DuovirtException) {
                return null;
            }
            throw new DuovirtException("Opening " + uri + " failed unexpectedly.", e.getCause());
        } catch (TimeoutException e) {
            // A hung libvirtd must not keep Duovirt from starting; the late connection is closed if it ever comes.
            worker.execute(() -> {
                try {
                    attempt.get().close();
                } catch (Exception ignored) {
                    // it never opened
                }
            });
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            worker.shutdown();
        }
    }
}
