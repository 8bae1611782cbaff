package org.duovirt.core.model;

/**
 * Where to reach a VM's graphical console.
 *
 * @param protocol   "vnc" or "spice"
 * @param host       address as seen from the hypervisor host (may be 127.0.0.1: tunnel over the connection's SSH)
 * @param port       TCP port, -1 when {@code socketPath} is used
 * @param socketPath UNIX socket on the host, or null
 * @param password   console password if one is set, or null
 */
public record GraphicsEndpoint(String protocol, String host, int port, String socketPath, String password) {
}
