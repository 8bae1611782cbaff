package org.duovirt.core.model;

import java.util.Objects;

/**
 * One row of a host's VM list.
 *
 * @param id backend-specific runtime id (libvirt domain id, Xen domid), -1 when not running
 */
public record VmSummary(String name, String uuid, VmState state, int id,
                        int vcpus, int maxVcpus, long memoryKiB, long maxMemoryKiB) {
    public VmSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public long memoryMiB() {
        return memoryKiB / 1024;
    }
}
