package org.duovirt.core.model;

import java.time.Instant;

/** A snapshot of a VM. {@code state} is the VM's state when it was taken. */
public record SnapshotInfo(String name, String description, Instant created, VmState state, boolean current) {
}
