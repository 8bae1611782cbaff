package org.duovirt.kvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;

/**
 * The VNC server of a VM on this machine: its UNIX socket or its TCP port, straight from the live domain XML.
 * UNIX sockets get streams of their own: {@code Channels.newInputStream} would serialise reads and writes on
 * one lock, and a viewer reads and writes at the same time.
 */
final class LocalGraphicsChannel implements GraphicsChannel {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private final GraphicsEndpoint endpoint;
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable closer;
    private final String route;

    private LocalGraphicsChannel(GraphicsEndpoint endpoint, InputStream in, OutputStream out, AutoCloseable closer,
            String route) {
        this.endpoint = endpoint;
        this.in = in;
        this.out = out;
        this.closer = closer;
        this.route = route;
    }

    /** Refuses a display our RFB client cannot show (SPICE), in one sentence. */
    static void requireVnc(String vm, GraphicsEndpoint endpoint) {
        if (!"vnc".equals(endpoint.protocol())) {
            throw new DuovirtException("VM '" + vm + "' has only a " + endpoint.protocol().toUpperCase(java.util.Locale.ROOT)
                    + " display, which Duovirt cannot show itself.", "Open it with remote-viewer (Debian package virt-viewer).");
        }
    }

    /** Where to connect, on the host itself, for a server listening on {@code listen} (any address → loopback). */
    static String loopbackFor(String listen) {
        return listen == null || listen.isEmpty() || listen.equals("0.0.0.0") ? "127.0.0.1"
                : listen.equals("::") ? "::1" : listen;
    }

    static GraphicsChannel open(String vm, GraphicsEndpoint endpoint) {
        requireVnc(vm, endpoint);
        try {
            if (endpoint.socketPath() != null) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.connect(UnixDomainSocketAddress.of(Path.of(endpoint.socketPath())));
                return new LocalGraphicsChannel(endpoint, new ChannelIn(ch), new ChannelOut(ch), ch,
                        "UNIX socket " + endpoint.socketPath());
            }
            String host = loopbackFor(endpoint.host());
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, endpoint.port()), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true); // key presses must not wait for Nagle
            return new LocalGraphicsChannel(endpoint, socket.getInputStream(), socket.getOutputStream(), socket,
                    "TCP " + host + ":" + endpoint.port());
        } catch (IOException e) {
            throw new DuovirtException("Cannot reach the graphical console of VM '" + vm + "' ("
                    + (endpoint.socketPath() != null ? endpoint.socketPath() : endpoint.host() + ":" + endpoint.port())
                    + "): " + e.getMessage() + ".", "Check that the VM is running and try again.");
        }
    }

    @Override
    public InputStream fromServer() {
        return in;
    }

    @Override
    public OutputStream toServer() {
        return out;
    }

    @Override
    public GraphicsEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String route() {
        return route;
    }

    @Override
    public void close() throws IOException {
        try {
            closer.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static final class ChannelIn extends InputStream {
        private final SocketChannel ch;

        ChannelIn(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private static final class ChannelOut extends OutputStream {
        private final SocketChannel ch;

        ChannelOut(SocketChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
