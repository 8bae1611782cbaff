package org.duovirt.kvm;

import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.VmState;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.event.DomainEventType;

/** libvirt's domain states and event types in Duovirt's words. */
final class StateMapping {
    private StateMapping() {
    }

    static VmState state(DomainState state) {
        if (state == null) {
            return VmState.OTHER;
        }
        return switch (state) {
            // "blocked" means running but waiting for the host (I/O); users see it as running.
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> VmState.RUNNING;
            case VIR_DOMAIN_PAUSED -> VmState.PAUSED;
            case VIR_DOMAIN_SHUTOFF -> VmState.SHUTOFF;
            case VIR_DOMAIN_CRASHED -> VmState.CRASHED;
            case VIR_DOMAIN_PMSUSPENDED -> VmState.SUSPENDED;
            default -> VmState.OTHER;
        };
    }

    /** The numeric virDomainState (as in bulk stats' state.state). */
    static VmState state(int virDomainState) {
        DomainState[] all = DomainState.values();
        return virDomainState >= 0 && virDomainState < all.length ? state(all[virDomainState]) : VmState.OTHER;
    }

    static LifecycleEvent.Kind kind(DomainEventType type) {
        if (type == null) {
            return LifecycleEvent.Kind.OTHER;
        }
        return switch (type) {
            case DEFINED -> LifecycleEvent.Kind.DEFINED;
            case UNDEFINED -> LifecycleEvent.Kind.UNDEFINED;
            case STARTED -> LifecycleEvent.Kind.STARTED;
            case SUSPENDED, PMSUSPENDED -> LifecycleEvent.Kind.SUSPENDED;
            case RESUMED -> LifecycleEvent.Kind.RESUMED;
            case STOPPED -> LifecycleEvent.Kind.STOPPED;
            case SHUTDOWN -> LifecycleEvent.Kind.SHUTDOWN;
            case CRASHED -> LifecycleEvent.Kind.CRASHED;
            default -> LifecycleEvent.Kind.OTHER;
        };
    }

    /** The state an event implies without asking the host; null when the event does not tell. */
    static VmState impliedState(DomainEventType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case STARTED, RESUMED -> VmState.RUNNING;
            case SUSPENDED -> VmState.PAUSED;
            case PMSUSPENDED -> VmState.SUSPENDED;
            case STOPPED -> VmState.SHUTOFF;
            case CRASHED -> VmState.CRASHED;
            default -> null;
        };
    }
}
