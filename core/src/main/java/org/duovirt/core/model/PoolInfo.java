package org.duovirt.core.model;

/**
 * A storage pool (libvirt) or image directory (Xen) as the Storage tab and {@code duovirt pools} show it.
 *
 * @param type            libvirt's pool type (dir, fs, logical, netfs …) or "dir" for a Xen image directory
 * @param path            the target path on the host, or null when the pool has none
 * @param capacityBytes   size of the pool's storage; -1 when unknown
 * @param allocationBytes bytes in use; -1 when unknown
 * @param availableBytes  bytes still free; -1 when unknown
 */
public record PoolInfo(String name, String type, boolean active, boolean autostart, String path,
                       long capacityBytes, long allocationBytes, long availableBytes) {
}
