package org.duovirt.core.spi;

import java.net.URI;
import java.util.Set;

/**
 * A hypervisor driver, found with {@link java.util.ServiceLoader}. Register an implementation in
 * {@code META-INF/services/org.duovirt.core.spi.HypervisorBackend}; the app needs no change for a new one.
 */
public interface HypervisorBackend {
    /** Short human name, e.g. "KVM (libvirt)". */
    String name();

    /**
     * The URI schemes this backend serves, e.g. {@code qemu}, {@code qemu+ssh}, {@code xl+ssh}.
     * Schemes are compared in lower case.
     */
    Set<String> uriSchemes();

    /** The operations this backend implements on some host; a connection narrows it to its host. */
    Set<Feature> implementedFeatures();

    /**
     * Opens a connection. Blocking: never call on the UI thread.
     *
     * @throws org.duovirt.core.error.HostUnreachableException when the host does not answer or refuses
     * @throws org.duovirt.core.error.DuovirtException         for a URI this backend cannot use
     */
    HostConnection connect(URI uri);

    /**
     * Opens a connection with the URI trusted as {@code options} say. Backends whose URIs can run a
     * program override this; the one-argument form is {@link ConnectOptions#STRICT}.
     */
    default HostConnection connect(URI uri, ConnectOptions options) {
        return connect(uri);
    }

    /**
     * What is wrong with a URI for this backend, each problem one sentence, without contacting any host:
     * unknown parameters, passwords, files that cannot be read, programs not confirmed.
     */
    default java.util.List<String> uriProblems(URI uri, ConnectOptions options) {
        return java.util.List.of();
    }

    /**
     * Whether the host behind {@code uri} answers at all, told cheaply and without logging in (its sshd greets, its
     * daemon's socket accepts). The app probes a lost host with it once a second and reconnects the moment it answers
     * again, instead of at the next step of its reconnect back-off. Blocking, at most about {@code within}; never
     * throws. Empty (the default) when this backend cannot tell without connecting.
     */
    default java.util.Optional<Boolean> answers(URI uri, java.time.Duration within) {
        return java.util.Optional.empty();
    }
}
