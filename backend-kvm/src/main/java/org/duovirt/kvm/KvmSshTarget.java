package org.duovirt.kvm;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.ssh.SshTarget;
import org.duovirt.core.text.Printable;
import org.duovirt.core.uri.Uris;

/**
 * The SSH login of a {@code qemu+ssh://} (or {@code +libssh}, {@code +libssh2}) URI for Duovirt's own session
 * to the same host, read as libvirt reads it (docs/uri.rst): the URI's user (else this user's name, as ssh
 * does), host and port; {@code keyfile=}; {@code known_hosts=} (else ~/.ssh/known_hosts). That session always
 * checks the host key strictly, so {@code no_verify=1} and {@code known_hosts_verify=ignore|auto} — which
 * libvirt may honour for its own connection once the user confirmed them — are refused here with a sentence.
 */
final class KvmSshTarget {
    private KvmSshTarget() {
    }

    /** Whether the URI reaches its host over SSH, so a channel of Duovirt's own can follow the same way. */
    static boolean isSsh(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.endsWith("+ssh") || scheme.endsWith("+libssh") || scheme.endsWith("+libssh2");
    }

    static SshTarget of(URI uri) {
        Uris.refusePassword(uri);
        String shown = Uris.redact(uri.toString());
        if (!isSsh(uri) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new DuovirtException("'" + shown + "' does not reach its host over SSH, so Duovirt cannot tunnel "
                    + "the graphical console there.", "Connect with qemu+ssh://user@host/system.");
        }
        Map<String, String> query = Uris.query(uri);
        String noVerify = query.getOrDefault("no_verify", "0");
        String verify = query.getOrDefault("known_hosts_verify", "normal").toLowerCase(Locale.ROOT);
        if (!noVerify.equals("0") || !verify.equals("normal")) {
            String param = !noVerify.equals("0") ? "no_verify=" + noVerify : "known_hosts_verify=" + verify;
            throw new DuovirtException("Duovirt checks the SSH host key of " + uri.getHost() + " strictly for the "
                    + "graphical console, so it refuses '" + shown + "', whose " + param + " would skip that check.",
                    "Remove " + param + " from the URI and accept the host key once with ssh, then connect again.");
        }
        for (String file : new String[] {"keyfile", "known_hosts"}) {
            if (query.containsKey(file)) {
                String problem = Uris.localFileProblem(file, query.get(file), false);
                if (problem != null) {
                    throw new DuovirtException(problem, "Give the absolute path of a file.");
                }
            }
        }
        String user = uri.getUserInfo() == null || uri.getUserInfo().isBlank()
                ? System.getProperty("user.name") : uri.getUserInfo();
        if (user.startsWith("-") || Printable.firstHostile(user) >= 0) {
            throw new DuovirtException("'" + shown + "' has a user name that starts with '-' or holds control characters.",
                    "Write a plain user name, e.g. root.");
        }
        Path knownHosts = query.containsKey("known_hosts") ? Path.of(query.get("known_hosts"))
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        Path keyFile = query.containsKey("keyfile") ? Path.of(query.get("keyfile")) : null;
        return new SshTarget(user, uri.getHost(), uri.getPort() < 0 ? 22 : uri.getPort(), keyFile, knownHosts);
    }
}
