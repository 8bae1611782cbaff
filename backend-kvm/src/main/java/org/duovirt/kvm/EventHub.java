package org.duovirt.kvm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.HostListener;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.event.ConnectionCloseListener;
import org.libvirt.event.ConnectionCloseReason;
import org.libvirt.event.DomainEvent;
import org.libvirt.event.DomainEventType;
import org.libvirt.event.LifecycleListener;

/**
 * One libvirt lifecycle callback and one close callback per connection, fanned out to Duovirt's
 * listeners. Callbacks arrive on libvirt's event-loop thread.
 */
final class EventHub implements LifecycleListener, ConnectionCloseListener {
    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
    private final LibvirtConnect connect;
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    private boolean lifecycleRegistered;
    private volatile boolean closing;

    EventHub(LibvirtConnect connect) {
        this.connect = connect;
        try {
            connect.registerCloseListener(this);
        } catch (LibvirtException e) {
            // Drivers without close callbacks (in-process ones) cannot lose their connection anyway.
        }
    }

    synchronized AutoCloseable add(HostListener listener, Domains domains) {
        if (!lifecycleRegistered) {
            domains.host("Listening for VM events on " + domains.uri(), () -> {
                connect.addLifecycleListener(this);
                return null;
            });
            lifecycleRegistered = true;
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public int onLifecycleChange(Domain domain, DomainEvent event) {
        DomainEventType type = event.getType();
        LifecycleEvent.Kind kind = StateMapping.kind(type);
        String name;
        String uuid;
        try {
            name = domain.getName();
            uuid = domain.getUUIDString();
        } catch (LibvirtException e) {
            return 0;
        }
        VmState state = kind == LifecycleEvent.Kind.UNDEFINED ? null : StateMapping.impliedState(type);
        if (state == null && kind != LifecycleEvent.Kind.UNDEFINED) {
            state = currentState(domain);
        }
        Object detail = event.getDetail();
        LifecycleEvent out = new LifecycleEvent(kind, name, uuid, state, detail == null ? null : detail.toString());
        for (HostListener listener : listeners) {
            try {
                listener.lifecycle(out);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A VM event listener failed", e);
            }
        }
        return 0;
    }

    private static VmState currentState(Domain domain) {
        try {
            return Domains.withManagedSave(domain, StateMapping.state(domain.getInfo().state));
        } catch (LibvirtException e) {
            return VmState.OTHER;
        }
    }

    @Override
    public void onClose(Connect conn, ConnectionCloseReason reason) {
        if (closing) {
            return;
        }
        String why = switch (reason) {
            case EOF -> "the host closed the connection";
            case KEEPALIVE -> "the host stopped answering keepalive probes";
            case ERROR -> "the connection failed";
            default -> "the connection was closed";
        };
        for (HostListener listener : listeners) {
            try {
                listener.connectionLost(why);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A connection listener failed", e);
            }
        }
    }

    /** Unregisters the callbacks before the connection closes, so closing is not reported as a loss. */
    synchronized void close() {
        closing = true;
        listeners.clear();
        try {
            if (lifecycleRegistered) {
                connect.removeLifecycleListener(this);
            }
            connect.unregisterCloseListener();
        } catch (LibvirtException | RuntimeException e) {
            // The connection is going away; nothing left to unregister from.
        }
    }
}
