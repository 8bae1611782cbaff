package org.duovirt.app.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.core.testing.XenTestHosts;
import org.duovirt.core.uri.Uris;

/**
 * The shared Xen test host reached through a test's own {@link TcpRelay}: its URI with the port replaced by
 * the relay's, and a known_hosts naming the relay with the host's own key (so host keys are still checked).
 */
final class RelayedXen {
    private RelayedXen() {
    }

    /** A relay in front of the shared host's SSH port. */
    static TcpRelay relay() throws Exception {
        return new TcpRelay(URI.create(XenTestHosts.uri()).getPort());
    }

    /** The host's URI through {@code relay}; the known_hosts file is written into {@code dir}. */
    static String uri(TcpRelay relay, Path dir) throws Exception {
        URI shared = URI.create(XenTestHosts.uri());
        var query = Uris.query(shared);
        Path knownHosts = dir.resolve("known_hosts");
        String name = "[" + shared.getHost() + "]:" + shared.getPort();
        Files.writeString(knownHosts, Files.readAllLines(Path.of(query.get("known_hosts"))).stream()
                .filter(l -> l.startsWith(name + " ")).map(l -> "[127.0.0.1]:" + relay.port() + l.substring(name.length()))
                .reduce("", (a, b) -> a + b + "\n"));
        return "xl+ssh://" + shared.getUserInfo() + "@127.0.0.1:" + relay.port() + "/?keyfile=" + query.get("keyfile")
                + "&known_hosts=" + knownHosts;
    }
}
