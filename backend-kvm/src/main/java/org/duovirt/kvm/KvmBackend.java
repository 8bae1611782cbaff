package org.duovirt.kvm;

import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.spi.ConnectOptions;
import org.duovirt.core.uri.Uris;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.HypervisorBackend;
import org.libvirt.LibvirtException;

/**
 * The KVM backend: QEMU/KVM hosts (and libvirt's built-in test driver) through libvirt, locally or
 * over libvirt's own remote transports (ssh, tcp, tls, libssh).
 */
public final class KvmBackend implements HypervisorBackend {
    static final String NAME = "KVM (libvirt)";

    /** libvirt's QEMU and test driver URIs with every remote transport libvirt knows. */
    private static final Set<String> SCHEMES = Set.of(
            "qemu", "qemu+ssh", "qemu+tcp", "qemu+tls", "qemu+unix", "qemu+libssh", "qemu+libssh2", "qemu+ext",
            "test", "test+unix", "test+ssh", "test+tcp", "test+tls", "test+libssh", "test+libssh2");

    /**
     * Keepalive: after 3 s without a word from the daemon a probe every 3 s, dead after 3 unanswered ones, so a
     * daemon (or a link) that stops answering without closing is seen gone after ~12 s instead of 35 s. The
     * daemon answers probes from its event loop, not from the workers that run slow calls, so a busy host is not
     * taken for a dead one; any message from it resets the count.
     */
    static final int KEEPALIVE_INTERVAL_S = 3;
    static final int KEEPALIVE_COUNT = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> uriSchemes() {
        return SCHEMES;
    }

    @Override
    public Set<Feature> implementedFeatures() {
        return EnumSet.of(Feature.HOST_INFO, Feature.LIST, Feature.DETAILS, Feature.DEFINITION, Feature.START,
                Feature.SHUTDOWN, Feature.REBOOT, Feature.DESTROY, Feature.PAUSE, Feature.SAVE, Feature.SET_VCPUS,
                Feature.SET_MEMORY, Feature.EVENTS, Feature.STATS, Feature.VCPU_STATS, Feature.HOST_STATS,
                Feature.PIN_LIVE, Feature.PIN_CONFIG, Feature.PIN_EMULATOR, Feature.NETWORKS, Feature.STORAGE_POOLS,
                Feature.TEXT_CONSOLE, Feature.GRAPHICS_CONSOLE, Feature.GRAPHICS_CHANNEL, Feature.CREATE,
                Feature.DELETE, Feature.SNAPSHOTS, Feature.CLONE,
                Feature.VOLUMES, Feature.VOLUME_UPLOAD, Feature.VOLUME_RESIZE, Feature.NETWORK_MANAGE,
                Feature.DISK_HOTPLUG, Feature.CHANGE_MEDIA, Feature.NIC_HOTPLUG, Feature.NIC_LINK,
                Feature.AUTOSTART, Feature.BOOT_ORDER, Feature.EDIT_DEFINITION,
                Feature.RENAME, Feature.DESCRIPTION, Feature.DISK_CACHE, Feature.DEVICE_ADD, Feature.HOSTDEV,
                Feature.CPU_MODEL, Feature.VOLUME_DOWNLOAD, Feature.POOL_MANAGE);
    }

    @Override
    public HostConnection connect(URI uri) {
        return connect(uri, ConnectOptions.STRICT);
    }

    @Override
    public List<String> uriProblems(URI uri, ConnectOptions options) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return List.of("The KVM backend cannot open '" + Uris.redact(uri.toString()) + "': it serves only "
                    + String.join(", ", SCHEMES.stream().sorted().toList()) + " URIs.");
        }
        return KvmUriPolicy.problems(uri, options);
    }

    /** libvirt would pass every parameter on (and run command=): only what {@link KvmUriPolicy} allows gets there. */
    @Override
    public HostConnection connect(URI uri, ConnectOptions options) {
        List<String> problems = uriProblems(uri, options);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        LibvirtEventLoop.ensureRunning();
        String text = uri.toString();
        LibvirtConnect connect;
        try {
            connect = new LibvirtConnect(text);
        } catch (LibvirtException e) {
            throw LibvirtErrors.unreachable(text, e);
        }
        // Every connection through a daemon, a local one over its UNIX socket too: a hung libvirtd is as silent
        // as a lost link. In-process drivers (test:///) have no keepalive and refuse it at once.
        try {
            connect.setKeepAlive(KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT);
        } catch (LibvirtException e) {
            // Old daemons and in-process drivers without keepalive still work; a dead link is then noticed on the next call.
        }
        return new KvmConnection(text, connect, implementedFeatures());
    }

    /** A URI with a transport or a host goes through the network; keepalive only applies there. */
    static boolean isRemote(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return scheme.contains("+") && !scheme.endsWith("+unix") || uri.getHost() != null && !uri.getHost().isEmpty();
    }
}
