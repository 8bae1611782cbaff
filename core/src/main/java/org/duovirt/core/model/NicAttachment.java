package org.duovirt.core.model;

/**
 * A network card to attach to a VM.
 *
 * @param network a libvirt virtual network, or null when {@code bridge} is given
 * @param bridge  a host bridge (Xen's xenbr0, a libvirt host bridge), or null
 * @param model   virtio, e1000 …; null for the backend's default
 * @param mac     the MAC address, or null to let the host make one
 */
public record NicAttachment(String network, String bridge, String model, String mac) {
}
