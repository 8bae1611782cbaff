package org.duovirt.app.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.duovirt.app.Messages;

/**
 * Builds connection URIs from the dialog's fields, through {@link URI}'s component constructor so
 * nothing typed is pasted into the URI text. Fields that could not be a user or host name are rejected.
 */
public final class ConnectionUris {
    /** POSIX portable user names (plus the usual dot); no shell or URI metacharacters. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,31}");
    /** DNS names and IPv4; IPv6 in brackets is handled separately. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ConnectionUris() {
    }

    /** Problems with the fields, each one sentence; empty when the URI can be built. */
    public static List<String> problems(ConnectionKind kind, String user, String host, String port, String custom) {
        List<String> out = new ArrayList<>();
        if (kind.needsUserAndHost()) {
            if (user == null || !USER.matcher(user).matches()) {
                out.add(Messages.get("connection.error.user"));
            }
            if (host == null || !(HOST.matcher(host).matches() || IPV6.matcher(host).matches() && host.contains(":"))) {
                out.add(Messages.get("connection.error.host"));
            }
            if (kind.hasPort() && port != null && !port.isBlank() && parsePort(port) < 0) {
                out.add(Messages.get("connection.error.port"));
            }
        }
        if (kind == ConnectionKind.KVM_CUSTOM) {
            try {
                URI uri = new URI(custom == null ? "" : custom.strip());
                if (uri.getScheme() == null) {
                    out.add(Messages.get("connection.error.custom"));
                }
            } catch (URISyntaxException e) {
                out.add(Messages.get("connection.error.custom"));
            }
        }
        if (out.isEmpty() && kind.needsUserAndHost()) {
            // java.net.URI is stricter than the patterns (e.g. "127.0" is neither a DNS name nor IPv4).
            try {
                build(kind, user, host, port, custom);
            } catch (IllegalArgumentException e) {
                out.add(Messages.get("connection.error.host"));
            }
        }
        return out;
    }

    /** The URI for valid fields; call {@link #problems} first. */
    public static String build(ConnectionKind kind, String user, String host, String port, String custom) {
        return switch (kind) {
            case KVM_SYSTEM -> "qemu:///system";
            case KVM_SESSION -> "qemu:///session";
            case KVM_SSH -> uri("qemu+ssh", user, host, -1, "/system");
            case KVM_CUSTOM -> custom.strip();
            case XEN_LOCAL -> "xl:///";
            case XEN_SSH -> uri("xl+ssh", user, host, port == null || port.isBlank() ? -1 : parsePort(port), "/");
        };
    }

    private static String uri(String scheme, String user, String host, int port, String path) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            return new URI(scheme, user, h, port, path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static int parsePort(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            return p >= 1 && p <= 65535 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
