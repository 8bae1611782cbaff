package org.duovirt.core.model;

/**
 * A network interface of a VM.
 *
 * @param network libvirt network or bridge name
 * @param model   virtio, e1000, netfront … or null when unknown
 */
public record NicInfo(String mac, String network, String model) {
}
