package org.duovirt.xen;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.transport.SshTarget;

/**
 * The two URI forms: {@code xl:///} (this machine) and
 * {@code xl+ssh://[user@]host[:port]/[?keyfile=PATH&known_hosts=PATH]} (user defaults to root, xl needs it).
 */
public final class XenUri {
    private XenUri() {
    }

    /** True for {@code xl:///}. */
    public static boolean isLocal(URI uri) {
        return "xl".equals(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    public static SshTarget sshTarget(URI uri) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DuovirtException("'" + uri + "' names no host.", "Write it like xl+ssh://root@host/.");
        }
        Map<String, String> query = query(uri);
        for (String key : query.keySet()) {
            if (!key.equals("keyfile") && !key.equals("known_hosts")) {
                throw new DuovirtException("'" + uri + "' has the unknown parameter '" + key + "'.",
                        "Only keyfile= and known_hosts= are understood.");
            }
        }
        String user = uri.getUserInfo() == null || uri.getUserInfo().isBlank() ? "root" : uri.getUserInfo();
        if (user.contains(":")) {
            throw new DuovirtException("'" + uri + "' holds a password; Duovirt logs in with SSH keys only.",
                    "Remove the password and use ssh-agent or ?keyfile=.");
        }
        Path home = Path.of(System.getProperty("user.home"), ".ssh");
        Path knownHosts = query.containsKey("known_hosts") ? Path.of(query.get("known_hosts")) : home.resolve("known_hosts");
        Path keyFile = query.containsKey("keyfile") ? Path.of(query.get("keyfile")) : null;
        return new SshTarget(user, uri.getHost(), uri.getPort() < 0 ? 22 : uri.getPort(), keyFile, knownHosts);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }
}
