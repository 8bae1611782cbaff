package org.duovirt.xen;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.text.Printable;
import org.duovirt.core.uri.Uris;
import org.duovirt.core.ssh.SshTarget;

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

    /** Every problem with the URI, one sentence each, naming it redacted; contacts no host. */
    public static List<String> problems(URI uri) {
        try {
            if (isLocal(uri)) {
                if (uri.getRawQuery() != null || uri.getHost() != null) {
                    return List.of("'" + Uris.redact(uri.toString()) + "' takes no host and no parameters; write xl:///.");
                }
                return List.of();
            }
            sshTarget(uri);
            return List.of();
        } catch (DuovirtException e) {
            return List.of(e.userMessage());
        }
    }

    public static SshTarget sshTarget(URI uri) {
        // The password check comes first, so no other message ever shows one.
        Uris.refusePassword(uri);
        String shown = Uris.redact(uri.toString());
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DuovirtException("'" + shown + "' names no host.", "Write it like xl+ssh://root@host/.");
        }
        Map<String, String> query = Uris.query(uri);
        for (String key : query.keySet()) {
            if (!key.equals("keyfile") && !key.equals("known_hosts")) {
                throw new DuovirtException("'" + shown + "' has the unknown parameter '" + key + "'.",
                        "Only keyfile= and known_hosts= are understood.");
            }
            String problem = Uris.localFileProblem(key, query.get(key), false);
            if (problem != null) {
                throw new DuovirtException(problem, "Give the absolute path of a file.");
            }
        }
        String user = uri.getUserInfo() == null || uri.getUserInfo().isBlank() ? "root" : uri.getUserInfo();
        if (user.startsWith("-") || Printable.firstHostile(user) >= 0) {
            throw new DuovirtException("'" + shown + "' has a user name that starts with '-' or holds control characters.",
                    "Write a plain user name, e.g. root.");
        }
        Path home = Path.of(System.getProperty("user.home"), ".ssh");
        Path knownHosts = query.containsKey("known_hosts") ? Path.of(query.get("known_hosts")) : home.resolve("known_hosts");
        Path keyFile = query.containsKey("keyfile") ? Path.of(query.get("keyfile")) : null;
        return new SshTarget(user, uri.getHost(), uri.getPort() < 0 ? 22 : uri.getPort(), keyFile, knownHosts);
    }
}
