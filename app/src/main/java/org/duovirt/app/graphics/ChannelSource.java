package org.duovirt.app.graphics;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;

/** Opens a VM's graphics channel; called on the console's own thread, never on the UI thread. */
@FunctionalInterface
public interface ChannelSource {
    /**
     * @throws SpiceOnly when the VM's display is SPICE only
     * @throws DuovirtException when it cannot be opened (the VM is off, the host is unreachable…)
     */
    GraphicsChannel open();

    /** The VM has a SPICE display and no VNC one. */
    final class SpiceOnly extends DuovirtException {
        private static final long serialVersionUID = 1L;
        private final transient GraphicsEndpoint endpoint;

        public SpiceOnly(String vm, GraphicsEndpoint endpoint) {
            super("VM '" + vm + "' has only a SPICE display.", "It opens in remote-viewer (Debian package virt-viewer).");
            this.endpoint = endpoint;
        }

        public GraphicsEndpoint endpoint() {
            return endpoint;
        }
    }

    /** Through the host's session: the endpoint first (to tell SPICE apart), then the channel. */
    static ChannelSource of(VmRow row) {
        return () -> {
            try {
                return row.host().call("Opening the graphical console of " + row.name(), c -> {
                    GraphicsEndpoint g = c.graphics(row.name());
                    if ("spice".equals(g.protocol())) {
                        throw new SpiceOnly(row.name(), g);
                    }
                    return c.openGraphics(row.name());
                }).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                throw cause instanceof DuovirtException d ? d : new DuovirtException(
                        "Cannot open the graphical console of " + row.name() + ".", cause);
            } catch (TimeoutException e) {
                throw new DuovirtException("Opening the graphical console of " + row.name() + " took too long.",
                        "The host may be overloaded; the console tries again.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DuovirtException("Opening the graphical console of " + row.name() + " was interrupted.", e);
            }
        };
    }
}
