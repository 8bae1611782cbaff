package org.duovirt.kvm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.spi.ConnectOptions;
import org.duovirt.core.uri.Uris;

/**
 * Which libvirt URI parameters Duovirt passes on, per transport (libvirt's docs/uri.rst), as the Xen
 * side allows only keyfile and known_hosts. libvirt itself hands every parameter to its transport, and
 * some run a program on this machine ({@code command=} of ext and ssh, {@code netcat=}) or turn off a
 * check ({@code no_verify=1}, {@code known_hosts_verify=ignore}): those need the connection dialog's
 * confirmation; anything not listed is refused.
 */
final class KvmUriPolicy {
    private static final Set<String> SSH = Set.of("keyfile", "known_hosts", "known_hosts_verify", "no_tty", "sshauth",
            "socket", "mode", "proxy", "name");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of("socket", "mode", "name"),
            "unix", Set.of("socket", "mode", "name"),
            "ssh", SSH,
            "libssh", SSH,
            "libssh2", SSH,
            "tcp", Set.of("mode", "name"),
            "tls", Set.of("pkipath", "tls_priority", "mode", "name"),
            "ext", Set.of("mode", "name"));
    /** Parameters that run a program on this machine, or switch a verification off. */
    private static final Set<String> NEEDS_CONFIRMATION = Set.of("command", "netcat", "no_verify");
    private static final Set<String> FILES = Set.of("keyfile", "known_hosts");

    private KvmUriPolicy() {
    }

    /** Every problem with the URI, one sentence each, the URI named redacted; empty when it may be opened. */
    static List<String> problems(URI uri, ConnectOptions options) {
        List<String> out = new ArrayList<>();
        String shown = Uris.redact(uri.toString());
        if (Uris.hasPassword(uri)) {
            out.add(Uris.passwordRefused(uri.toString()).userMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String transport = scheme.contains("+") ? scheme.substring(scheme.indexOf('+') + 1) : "";
        Set<String> allowed = ALLOWED.getOrDefault(transport, Set.of());
        if (scheme.startsWith("test") && !transport.isEmpty()) {
            allowed = ALLOWED.getOrDefault(transport, Set.of());
        }
        Map<String, String> query;
        try {
            query = Uris.query(uri);
        } catch (RuntimeException e) {
            out.add(e.getMessage());
            return out;
        }
        for (Map.Entry<String, String> p : query.entrySet()) {
            String key = p.getKey().toLowerCase(Locale.ROOT);
            boolean weakens = key.equals("known_hosts_verify") && p.getValue().equalsIgnoreCase("ignore");
            if (NEEDS_CONFIRMATION.contains(key) || weakens) {
                if (!options.allowPrograms()) {
                    out.add("'" + shown + "' has the parameter " + p.getKey() + "=, which "
                            + (key.equals("no_verify") || weakens ? "turns off a security check"
                                    : "runs a program on this machine")
                            + "; Duovirt accepts it only from the connection dialog's custom URI, confirmed there.");
                }
                continue;
            }
            if (!allowed.contains(key)) {
                out.add("'" + shown + "' has the parameter '" + p.getKey() + "', which Duovirt does not pass to libvirt for "
                        + (transport.isEmpty() ? "local" : transport) + " connections (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ").");
                continue;
            }
            if (FILES.contains(key)) {
                String problem = Uris.localFileProblem(p.getKey(), p.getValue(), false);
                if (problem != null) {
                    out.add(problem);
                }
            } else if (key.equals("pkipath")) {
                String problem = Uris.localFileProblem(p.getKey(), p.getValue(), true);
                if (problem != null) {
                    out.add(problem);
                }
            }
        }
        return out;
    }
}
