package org.duovirt.core.spi;

import org.duovirt.core.model.LifecycleEvent;

/**
 * Pushed changes of a host. Called on a backend thread: listeners hand work to their own thread.
 */
public interface HostListener {
    void lifecycle(LifecycleEvent event);

    /** The connection broke; the connection object is dead and must be reopened. */
    default void connectionLost(String reason) {
    }
}
