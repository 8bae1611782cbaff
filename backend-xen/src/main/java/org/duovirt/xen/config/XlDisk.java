package org.duovirt.xen.config;

/**
 * One {@code disk=} entry: {@code format=raw,vdev=xvda,access=rw[,devtype=cdrom],target=/path}.
 *
 * @param owned true when Duovirt created the image for this VM (a delete with storage removes it)
 */
public record XlDisk(String target, String vdev, String format, boolean readOnly, boolean cdrom, boolean owned) {
}
