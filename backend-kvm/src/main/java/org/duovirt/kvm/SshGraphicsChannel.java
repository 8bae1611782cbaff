package org.duovirt.kvm;

import java.net.URI;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.ssh.SshSession;
import org.duovirt.core.ssh.SshTarget;
import org.duovirt.core.ssh.StreamGraphicsChannel;
import org.duovirt.core.ssh.TcpStream;

/**
 * A remote VM's VNC server through an SSH session of Duovirt's own to the host of a {@code qemu+ssh://}
 * connection: a direct-tcpip channel to the address QEMU listens on as the host sees it (usually its
 * loopback), or a direct-streamlocal channel to its UNIX socket. One session per connection, opened on the
 * first console and again when it has dropped; no port is opened on the host and nothing needs {@code nc}.
 */
final class SshGraphicsChannel {
    private SshGraphicsChannel() {
    }

    /** The per-connection SSH session, opened lazily. */
    static final class Tunnel implements AutoCloseable {
        private final String uri;
        private SshSession session;
        private boolean closed;

        Tunnel(String uri) {
            this.uri = uri;
        }

        /** The target this connection's URI names; checks the URI (no_verify refused) without connecting. */
        SshTarget target() {
            return KvmSshTarget.of(URI.create(uri));
        }

        synchronized SshSession session() {
            if (closed) {
                throw new DuovirtException("The connection to " + uri + " is closed.", "Reconnect to the host.");
            }
            if (session == null || !session.isConnected()) {
                session = SshSession.connect(target(), "");
            }
            return session;
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (session != null) {
                session.close();
            }
        }
    }

    static GraphicsChannel open(Tunnel tunnel, String vm, GraphicsEndpoint endpoint) {
        LocalGraphicsChannel.requireVnc(vm, endpoint);
        SshSession ssh = tunnel.session();
        TcpStream stream = endpoint.socketPath() != null ? ssh.openSocket(endpoint.socketPath())
                : ssh.openTcp(LocalGraphicsChannel.loopbackFor(endpoint.host()), endpoint.port());
        return new StreamGraphicsChannel(endpoint, stream);
    }
}
