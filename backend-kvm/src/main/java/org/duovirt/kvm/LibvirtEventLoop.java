package org.duovirt.kvm;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;

/**
 * libvirt's default event loop, registered once per process before the first connection (events and
 * keepalive only work on connections opened after it) and run on one daemon thread. Also silences
 * libvirt's own printing of errors.
 */
final class LibvirtEventLoop {
    private static final Logger LOG = Logger.getLogger(LibvirtEventLoop.class.getName());
    private static boolean started;
    /**
     * libvirt prints every error to stderr unless a handler is set; Duovirt reports them itself. Held in
     * a static field so the JNA callback is never garbage collected.
     */
    private static final Libvirt.VirErrorCallback QUIET = (userData, error) -> { };

    private LibvirtEventLoop() {
    }

    static synchronized void ensureRunning() {
        if (started) {
            return;
        }
        try {
            Connect.setErrorCallback(QUIET);
            Library.initEventLoop();
        } catch (LibvirtException e) {
            throw new DuovirtException("libvirt's event loop could not be started: " + e.getMessage(), e);
        }
        Thread thread = new Thread(LibvirtEventLoop::run, "libvirt-event-loop");
        thread.setDaemon(true);
        thread.start();
        started = true;
        // The JVM's exit waits up to 300 ms for every thread still in native code: left in libvirt's poll(),
        // this thread made each `duovirt` CLI command 0.3 s slower. Stopping the loop first lets it leave.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(thread), "libvirt-event-loop-stop"));
    }

    private static void stop(Thread loop) {
        try {
            Library.stopEventLoop();
            loop.join(200);
        } catch (LibvirtException | RuntimeException e) {
            // exiting anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        while (true) {
            try {
                Library.runEventLoop();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (LibvirtException | RuntimeException e) {
                // One failed iteration (a callback that threw) must not end event delivery for all hosts.
                LOG.log(Level.WARNING, "libvirt event loop iteration failed", e);
            }
        }
    }
}
