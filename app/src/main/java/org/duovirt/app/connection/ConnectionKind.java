package org.duovirt.app.connection;

/** The choices of the connection dialog. */
public enum ConnectionKind {
    KVM_SYSTEM, KVM_SESSION, KVM_SSH, KVM_CUSTOM, XEN_LOCAL, XEN_SSH;

    public boolean needsUserAndHost() {
        return this == KVM_SSH || this == XEN_SSH;
    }

    public boolean hasPort() {
        return this == XEN_SSH;
    }

    public String messageKey() {
        return "connection.kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
