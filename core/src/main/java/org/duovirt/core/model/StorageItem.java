package org.duovirt.core.model;

/**
 * A piece of storage a VM uses, as the delete dialog lists it.
 *
 * @param path    file or volume path on the host
 * @param owned   true when the VM owns it (created for it, used by no other VM); only owned items are offered for deletion
 * @param reason  why it is not owned (shared, read-only installer image …), null when owned
 */
public record StorageItem(String target, String path, long capacityBytes, boolean owned, String reason) {
}
