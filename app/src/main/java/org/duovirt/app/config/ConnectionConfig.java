package org.duovirt.app.config;

import java.util.Objects;

/**
 * A saved connection. Never holds a password: SSH uses keys or the agent.
 *
 * @param label       what the host tree shows; null shows the URI
 * @param autoconnect connect when Duovirt starts
 */
public record ConnectionConfig(String uri, String label, boolean autoconnect) {
    public ConnectionConfig {
        Objects.requireNonNull(uri, "uri");
    }

    public String displayName() {
        return label == null || label.isBlank() ? uri : label;
    }
}
