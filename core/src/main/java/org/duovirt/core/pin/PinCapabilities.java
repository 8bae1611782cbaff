package org.duovirt.core.pin;

/**
 * What the VM's hypervisor can pin besides hard affinity.
 *
 * @param soft     per-vCPU soft affinity (Xen credit/credit2)
 * @param emulator emulator threads (QEMU)
 */
public record PinCapabilities(boolean soft, boolean emulator) {
    public static final PinCapabilities KVM = new PinCapabilities(false, true);
    public static final PinCapabilities XEN = new PinCapabilities(true, false);
}
