package org.duovirt.core.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.uri.Uris;

/** The backends on the class path, and the one that serves a URI. */
public final class Backends {
    private final List<HypervisorBackend> backends;

    public Backends(List<HypervisorBackend> backends) {
        this.backends = List.copyOf(backends);
    }

    /** Every backend registered with {@link ServiceLoader}. */
    public static Backends installed() {
        return new Backends(ServiceLoader.load(HypervisorBackend.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public List<HypervisorBackend> all() {
        return backends;
    }

    /** @throws DuovirtException when the URI is malformed or no backend serves its scheme */
    public HypervisorBackend forUri(String uri) {
        String scheme = parse(uri).getScheme();
        if (scheme == null) {
            throw new DuovirtException("'" + Uris.redact(uri) + "' is not a connection URI: it has no scheme.",
                    "Write it like qemu:///system or xl+ssh://root@host/.");
        }
        String wanted = scheme.toLowerCase(Locale.ROOT);
        return backends.stream().filter(b -> b.uriSchemes().contains(wanted)).findFirst()
                .orElseThrow(() -> new DuovirtException("No backend handles '" + scheme + "' URIs.",
                        "Known schemes: " + knownSchemes() + "."));
    }

    /** Opens a connection with the backend that serves the URI. Blocking. */
    public HostConnection connect(String uri) {
        return connect(uri, ConnectOptions.STRICT);
    }

    /** Opens a connection trusting the URI as {@code options} say. Blocking. */
    public HostConnection connect(String uri, ConnectOptions options) {
        return forUri(uri).connect(parse(uri), options);
    }

    /**
     * Whether the host behind the URI answers, without logging in ({@link HypervisorBackend#answers}); empty when its
     * backend cannot tell or the URI is unusable. Blocking, at most about {@code within}; never throws.
     */
    public java.util.Optional<Boolean> answers(String uri, java.time.Duration within) {
        try {
            return forUri(uri).answers(parse(uri), within);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** What is wrong with the URI, each problem one sentence (none when it can be used); contacts no host. */
    public List<String> uriProblems(String uri, ConnectOptions options) {
        try {
            URI parsed = parse(uri);
            return forUri(uri).uriProblems(parsed, options);
        } catch (DuovirtException e) {
            return List.of(e.userMessage());
        }
    }

    private String knownSchemes() {
        return backends.stream().flatMap(b -> b.uriSchemes().stream()).sorted().collect(Collectors.joining(", "));
    }

    public static URI parse(String uri) {
        try {
            return new URI(uri.strip());
        } catch (URISyntaxException e) {
            throw new DuovirtException("'" + Uris.redact(uri) + "' is not a valid connection URI: " + e.getReason() + ".",
                    "Write it like qemu:///system or xl+ssh://root@host/.");
        }
    }
}
