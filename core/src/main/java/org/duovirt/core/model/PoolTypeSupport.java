package org.duovirt.core.model;

/**
 * Whether a host can define pools of one type, from libvirt's storage pool capabilities.
 *
 * @param reason why not, one sentence; null when supported
 */
public record PoolTypeSupport(PoolSpec.Type type, boolean supported, String reason) {
}
