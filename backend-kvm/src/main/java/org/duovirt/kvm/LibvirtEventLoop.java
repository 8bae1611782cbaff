package org.duovirt.kvm;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

/**
 * libvirt's default event loop, registered once per process before the first connection (events and
 * keepalive only work on connections opened after it) and run on one daemon thread.
 */
final class LibvirtEventLoop {
    private static final Logger LOG = Logger.getLogger(LibvirtEventLoop.class.getName());
    private static boolean started;

    private LibvirtEventLoop() {
    }

    static synchronized void ensureRunning() {
        if (started) {
            return;
        }
        try {
            Library.initEventLoop();
        } catch (LibvirtException e) {
            throw new DuovirtException("libvirt's event loop could not be started: " + e.getMessage(), e);
        }
        Thread thread = new Thread(LibvirtEventLoop::run, "libvirt-event-loop");
        thread.setDaemon(true);
        thread.start();
        started = true;
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
