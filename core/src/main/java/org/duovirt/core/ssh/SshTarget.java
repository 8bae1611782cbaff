package org.duovirt.core.ssh;

import java.nio.file.Path;

/**
 * Where and how to log in over SSH.
 *
 * @param keyFile    private key to use, or null for ssh-agent plus ~/.ssh/id_ed25519 and id_rsa
 * @param knownHosts the known_hosts file host keys are checked against (never written)
 */
public record SshTarget(String user, String host, int port, Path keyFile, Path knownHosts) {
    /** user@host or user@host:port, as messages show it. */
    public String label() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }

    /** The host as known_hosts and ssh-keygen -R name it. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }
}
