package org.duovirt.core.model;

/**
 * A change of a VM, pushed by the backend.
 *
 * @param state the VM's state after the event; null for {@link Kind#UNDEFINED}
 */
public record LifecycleEvent(Kind kind, String vmName, String uuid, VmState state, String detail) {
    public enum Kind { DEFINED, UNDEFINED, STARTED, SUSPENDED, RESUMED, STOPPED, SHUTDOWN, CRASHED, OTHER }
}
