package org.duovirt.app.config;

import java.util.Objects;
import org.duovirt.core.spi.ConnectOptions;
import org.duovirt.core.uri.Uris;

/**
 * A saved connection. Never holds a password: SSH uses keys or the agent.
 *
 * @param label              what the host tree shows; null shows the URI
 * @param autoconnect        connect when Duovirt starts
 * @param programsConfirmed  the user wrote this URI, with parameters that run a program, in the dialog's
 *                           custom field and confirmed them there (see {@link ConnectOptions})
 */
public record ConnectionConfig(String uri, String label, boolean autoconnect, boolean programsConfirmed) {
    public ConnectionConfig {
        Objects.requireNonNull(uri, "uri");
    }

    public ConnectionConfig(String uri, String label, boolean autoconnect) {
        this(uri, label, autoconnect, false);
    }

    /** The label, else the URI redacted: this is what the window and the log show. */
    public String displayName() {
        return label == null || label.isBlank() ? Uris.redact(uri) : label;
    }

    public ConnectOptions options() {
        return programsConfirmed ? ConnectOptions.PROGRAMS_CONFIRMED : ConnectOptions.STRICT;
    }
}
