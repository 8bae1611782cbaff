package org.duovirt.core.model;

import java.util.List;

/**
 * A volume (file, logical volume …) in a pool.
 *
 * @param format          qcow2, raw, iso … as the host reports it; null when it does not say
 * @param capacityBytes   the size the guest sees
 * @param allocationBytes what it takes on the host (less for sparse and qcow2 files)
 * @param usedBy          the VMs whose definition names this volume (a delete must name them)
 */
public record VolumeInfo(String pool, String name, String path, String format, long capacityBytes,
                         long allocationBytes, List<String> usedBy) {
    public VolumeInfo {
        usedBy = List.copyOf(usedBy);
    }
}
