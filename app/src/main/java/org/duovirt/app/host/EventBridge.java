package org.duovirt.app.host;

import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.spi.HostListener;

/**
 * Turns a backend's lifecycle events into row updates: the state changes at once, then the row is
 * re-read for vCPUs and memory that may have changed with it.
 */
final class EventBridge implements HostListener {
    private final HostSession session;

    EventBridge(HostSession session) {
        this.session = session;
    }

    @Override
    public void lifecycle(LifecycleEvent event) {
        if (event.kind() == LifecycleEvent.Kind.UNDEFINED) {
            session.removeLater(event.vmName());
            return;
        }
        if (event.state() != null) {
            session.applyEventState(event.vmName(), event.state());
        }
        session.refreshVm(event.vmName());
    }

    @Override
    public void connectionLost(String reason) {
        session.lost(reason);
    }
}
