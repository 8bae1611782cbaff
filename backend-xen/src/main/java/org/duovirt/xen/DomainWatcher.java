package org.duovirt.xen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.HostListener;
import org.duovirt.xen.parse.XlDomainRow;

/**
 * Xen has no event stream, so lifecycle events come from diffing the domain list: a light
 * {@code xl list -v} every two seconds while at least one listener is registered. A domain that appears
 * is STARTED, one that goes is STOPPED (SUSPENDED when this connection just saved it), a state change
 * is SUSPENDED/RESUMED/CRASHED/SHUTDOWN. A lost host is reported once and ends the polling.
 */
final class DomainWatcher implements AutoCloseable {
    static final long PERIOD_MS = 2000;
    static final int SETTLE_POLLS = 5;
    private final Supplier<List<XlDomainRow>> domains;
    private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> saving = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> settling = new HashMap<>();
    private final Set<String> restarted = new java.util.HashSet<>();
    private Map<String, XlDomainRow> previous;
    private Thread thread;
    private volatile boolean lost;

    DomainWatcher(Supplier<List<XlDomainRow>> domains) {
        this.domains = domains;
    }

    synchronized AutoCloseable add(HostListener listener) {
        listeners.add(listener);
        if (thread == null) {
            thread = new Thread(this::loop, "xen-events");
            thread.setDaemon(true);
            thread.start();
        }
        return () -> listeners.remove(listener);
    }

    /** The next disappearance of this VM is a save, not a stop. */
    void expectSave(String vm) {
        saving.add(vm);
    }

    /** Pushes an event that did not come from the diff (DEFINED, UNDEFINED). */
    void fire(LifecycleEvent event) {
        listeners.forEach(l -> l.lifecycle(event));
    }

    /** Reports the loss once to every listener. */
    void connectionLost(String reason) {
        if (!lost) {
            lost = true;
            listeners.forEach(l -> l.connectionLost(reason));
        }
    }

    /**
     * The domains a listing just read: the first poll's baseline when no poll ran yet. The app registers its
     * listener and then lists the VMs; without this the first poll ran beside that listing, a second
     * {@code xl list} on a dom0 that had just come back, when the reconnect is waited for.
     */
    synchronized void baseline(List<XlDomainRow> rows) {
        if (previous == null) {
            previous = current(rows);
        }
    }

    private void loop() {
        // The first poll one period after the listener came, as every later one: its baseline is usually the listing's.
        try {
            Thread.sleep(PERIOD_MS);
        } catch (InterruptedException e) {
            return;
        }
        while (!lost && !Thread.currentThread().isInterrupted()) {
            if (!listeners.isEmpty()) {
                try {
                    diff(domains.get()).forEach(this::fire);
                } catch (HostUnreachableException e) {
                    connectionLost(e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    // A failed poll (xl busy) is retried at the next tick.
                }
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The events between the previous list and this one. A new domain is announced STARTED once it runs:
     * xl create builds it paused (first with no vCPU, then unpaused), and those steps are not events. One
     * that stays paused is announced after {@link #SETTLE_POLLS} polls. Package-private for tests.
     */
    synchronized List<LifecycleEvent> diff(List<XlDomainRow> rows) {
        Map<String, XlDomainRow> now = current(rows);
        List<LifecycleEvent> events = new java.util.ArrayList<>();
        if (previous != null) {
            for (XlDomainRow row : now.values()) {
                XlDomainRow before = previous.get(row.name());
                boolean newDomain = before == null || before.domid() != row.domid();
                if (newDomain || settling.containsKey(row.name())) {
                    int polls = newDomain ? 1 : settling.get(row.name()) + 1;
                    if (row.state() == VmState.RUNNING || row.state() == VmState.CRASHED || polls >= SETTLE_POLLS) {
                        settling.remove(row.name());
                        boolean again = before != null && before.domid() != row.domid() || restarted.remove(row.name());
                        events.add(event(LifecycleEvent.Kind.STARTED, row, row.state(), again ? "restarted" : "started"));
                    } else {
                        if (newDomain && before != null) {
                            restarted.add(row.name());
                        }
                        settling.put(row.name(), polls);
                    }
                } else if (before.state() != row.state()) {
                    events.add(change(before.state(), row));
                }
            }
            for (XlDomainRow gone : previous.values()) {
                if (!now.containsKey(gone.name())) {
                    settling.remove(gone.name());
                    restarted.remove(gone.name());
                    boolean saved = saving.remove(gone.name());
                    events.add(event(saved ? LifecycleEvent.Kind.SUSPENDED : LifecycleEvent.Kind.STOPPED, gone,
                            saved ? VmState.SAVED : VmState.SHUTOFF, saved ? "saved" : "stopped"));
                }
            }
        }
        previous = now;
        return events;
    }

    private static Map<String, XlDomainRow> current(List<XlDomainRow> rows) {
        Map<String, XlDomainRow> now = new HashMap<>();
        rows.stream().filter(r -> r.domid() != 0).forEach(r -> now.put(r.name(), r));
        return now;
    }

    private static LifecycleEvent change(VmState before, XlDomainRow row) {
        return switch (row.state()) {
            case PAUSED -> event(LifecycleEvent.Kind.SUSPENDED, row, VmState.PAUSED, "paused");
            case RUNNING -> event(before == VmState.PAUSED ? LifecycleEvent.Kind.RESUMED : LifecycleEvent.Kind.OTHER,
                    row, VmState.RUNNING, "running");
            case CRASHED -> event(LifecycleEvent.Kind.CRASHED, row, VmState.CRASHED, "crashed");
            default -> event(LifecycleEvent.Kind.SHUTDOWN, row, row.state(), "shutting down");
        };
    }

    private static LifecycleEvent event(LifecycleEvent.Kind kind, XlDomainRow row, VmState state, String detail) {
        return new LifecycleEvent(kind, row.name(), row.uuid(), state, detail);
    }

    @Override
    public synchronized void close() {
        listeners.clear();
        if (thread != null) {
            thread.interrupt();
        }
    }
}
