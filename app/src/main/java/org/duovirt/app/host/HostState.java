package org.duovirt.app.host;

/** Where a host's connection stands, as the tree and the status bar show it. */
public enum HostState {
    CONNECTING, CONNECTED, DISCONNECTED;

    /** The bundle key of the state's label. */
    public String messageKey() {
        return "host.state." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
