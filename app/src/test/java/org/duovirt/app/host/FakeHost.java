package org.duovirt.app.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HostListener;

/**
 * An in-memory host for view-model unit tests only (the UI tests use libvirt's test driver). It records
 * calls, can fire lifecycle events, and can be told to fail.
 */
public class FakeHost implements HostConnection {
    public final Map<String, VmSummary> vms = Collections.synchronizedMap(new LinkedHashMap<>());
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<HostListener> listeners = new CopyOnWriteArrayList<>();
    public final AtomicInteger listCalls = new AtomicInteger();
    public Set<Feature> features = EnumSet.of(Feature.LIST, Feature.DETAILS, Feature.START, Feature.SHUTDOWN,
            Feature.PAUSE, Feature.DESTROY, Feature.EVENTS);
    public volatile String failWith;

    public FakeHost vm(String name, VmState state) {
        vms.put(name, new VmSummary(name, "uuid-" + name, state, state.isActive() ? 1 : -1, 2, 2, 1024 * 1024, 1024 * 1024));
        return this;
    }

    @Override
    public String uri() {
        return "fake:///";
    }

    @Override
    public String backendName() {
        return "Fake";
    }

    @Override
    public Set<Feature> features() {
        return features;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public List<VmSummary> listVms(boolean includeInactive) {
        listCalls.incrementAndGet();
        return new ArrayList<>(vms.values());
    }

    @Override
    public AutoCloseable addListener(HostListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void change(String op, String vm, VmState state) {
        calls.add(op + " " + vm);
        if (failWith != null) {
            throw new DuovirtException(failWith, "Try again.");
        }
        vm(vm, state);
    }

    @Override
    public void start(String vm) {
        change("start", vm, VmState.RUNNING);
    }

    @Override
    public void shutdown(String vm) {
        change("shutdown", vm, VmState.SHUTOFF);
    }

    @Override
    public void pause(String vm) {
        change("pause", vm, VmState.PAUSED);
    }

    @Override
    public void resume(String vm) {
        change("resume", vm, VmState.RUNNING);
    }

    @Override
    public void destroy(String vm) {
        change("destroy", vm, VmState.SHUTOFF);
    }

    /** Changes a VM behind the app's back and tells the listeners, as a backend's event thread would. */
    public void fire(LifecycleEvent.Kind kind, String vm, VmState state) {
        if (state != null) {
            vm(vm, state);
        } else {
            vms.remove(vm);
        }
        listeners.forEach(l -> l.lifecycle(new LifecycleEvent(kind, vm, "uuid-" + vm, state, null)));
    }
}
