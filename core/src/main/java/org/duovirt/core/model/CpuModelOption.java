package org.duovirt.core.model;

/**
 * A CPU model a new VM may be given on a host, for a domain type: host-passthrough, host-model or a named
 * model, as the host's domain capabilities list them.
 *
 * @param name      host-passthrough, host-model or the model's name (qemu64, EPYC …)
 * @param available whether a VM of that type can use it on this host
 * @param reason    one sentence why it cannot, or null when it can
 */
public record CpuModelOption(String name, boolean available, String reason) {
}
