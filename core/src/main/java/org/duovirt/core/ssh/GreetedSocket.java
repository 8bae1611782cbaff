package org.duovirt.core.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP connection of an SSH handshake, handed to JSch once the server's first bytes have arrived. A port forward
 * (QEMU's user network in front of a dom0, a NAT or proxy) accepts a connection at once even while the host behind
 * it is down, and joins it to the host only when the host answers the forward's own retried SYN: after a reboot that
 * came up to 20 s after sshd listened again, while the connection sat silent. So after {@link #PATIENCE_MS} without a
 * byte one more connection is opened beside the first (a fresh SYN, answered at once by a host that is back),
 * replaced by another after twice that wait, and so on; whichever greets first is used and the other closed. The first
 * connection is kept to the end, so an sshd that is merely slow to greet (a loaded host) still gets its handshake
 * through; at most two are open at once. A refused or closed connection fails at once, as a plain connect would.
 */
final class GreetedSocket implements com.jcraft.jsch.SocketFactory {
    /**
     * How long a connection may stay silent before another is opened beside it. A forward's own retried SYNs (about
     * 3, 9 and 21 s after it accepted) already reach a guest that is back early in a wait; the extra closes the
     * long gaps after them. Longer than sshd takes to greet on a loaded dom0 most of the time (one took 13 s right
     * after its boot), since an extra that reaches a live but slow sshd costs it one more process for nothing.
     */
    static final long PATIENCE_MS = 10_000;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SshSession.class.getName());
    private final long budgetMs;
    private final long patienceMs;
    private final Map<Socket, byte[]> greetings = new IdentityHashMap<>();

    /** @param budgetMs how long to wait in all for a greeting (the handshake's timeout) */
    GreetedSocket(long budgetMs) {
        this(budgetMs, PATIENCE_MS);
    }

    /** With another patience (tests). */
    GreetedSocket(long budgetMs, long patienceMs) {
        this.budgetMs = budgetMs;
        this.patienceMs = patienceMs;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        long deadline = System.nanoTime() + budgetMs * 1_000_000;
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new java.net.UnknownHostException(host);
        }
        long t0 = System.nanoTime();
        List<SocketChannel> open = new ArrayList<>();
        List<SocketChannel> all = new ArrayList<>();
        SocketChannel winner = null;
        ByteBuffer first = ByteBuffer.allocate(256);
        try (Selector selector = Selector.open()) {
            long patience = patienceMs * 1_000_000;
            long nextExtra = System.nanoTime() + patience;
            open.add(connect(address, selector));
            all.add(open.get(0));
            while (winner == null) {
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw new SocketTimeoutException("no SSH greeting from " + host + ":" + port + " within " + budgetMs + " ms");
                }
                if (now >= nextExtra) {
                    if (open.size() == 2) {
                        close(open.remove(1)); // the previous extra; the first stays
                    }
                    open.add(connect(address, selector));
                    all.add(open.get(open.size() - 1));
                    // Doubling: a slow sshd (not a held forward) then pays for one extra, two at most, per handshake.
                    patience *= 2;
                    nextExtra = now + patience;
                }
                selector.select(Math.max(1, (Math.min(deadline, nextExtra) - now) / 1_000_000));
                for (SelectionKey key : List.copyOf(selector.selectedKeys())) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    if (key.isConnectable()) {
                        channel.finishConnect(); // refused: thrown, the attempt fails as a plain connect would
                        key.interestOps(SelectionKey.OP_READ);
                    } else if (key.isReadable() && winner == null) {
                        int n = channel.read(first);
                        if (n < 0) {
                            throw new IOException("connection closed by " + host + ":" + port + " before it greeted");
                        }
                        if (n == 0) {
                            continue;
                        }
                        open.remove(channel);
                        winner = channel;
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            open.forEach(GreetedSocket::close);
        }
        if (all.size() > 1) {
            int which = all.indexOf(winner) + 1;
            int opened = all.size();
            LOG.fine(() -> host + ":" + port + " greeted on connection " + which + " of " + opened + ", "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms after the first was opened");
        }
        // The selector is closed, so the channel is registered nowhere and may block again, as JSch expects.
        try {
            winner.configureBlocking(true);
        } catch (IOException e) {
            close(winner);
            throw e;
        }
        Socket socket = winner.socket();
        byte[] bytes = new byte[first.position()];
        first.flip().get(bytes);
        synchronized (greetings) {
            greetings.put(socket, bytes);
        }
        return socket;
    }

    private static SocketChannel connect(InetSocketAddress address, Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(address)) {
                channel.register(selector, SelectionKey.OP_READ);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT);
            }
            return channel;
        } catch (IOException e) {
            close(channel);
            throw e;
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a connection nobody uses
        }
    }

    /** The socket's stream with the greeting bytes read while choosing it in front. */
    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        byte[] greeting;
        synchronized (greetings) {
            greeting = greetings.remove(socket);
        }
        InputStream in = new UninterruptedInput(socket.getInputStream());
        return greeting == null || greeting.length == 0 ? in : new SequenceInputStream(new java.io.ByteArrayInputStream(greeting), in);
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return new UninterruptedOutput(socket.getOutputStream());
    }

    /**
     * Runs one socket operation with the calling thread's interrupt status put aside. The socket is a SocketChannel's,
     * and a channel is closed for good when a thread whose interrupt status is set does I/O on it; JSch writes from
     * whichever thread uses a channel (a command's, a stats reader's), so one interrupted thread of the app would end
     * the whole SSH session, with every command and console on it (JSch then says "leaving main loop due to null").
     * A plain Socket, as JSch makes by itself, ignores interrupts; so do these streams, for a status set beforehand.
     */
    private static <T> T uninterrupted(IoCall<T> call) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return call.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface IoCall<T> {
        T run() throws IOException;
    }

    private static final class UninterruptedInput extends java.io.FilterInputStream {
        UninterruptedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return uninterrupted(in::read);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return uninterrupted(() -> in.read(b, off, len));
        }
    }

    private static final class UninterruptedOutput extends java.io.FilterOutputStream {
        UninterruptedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            uninterrupted(() -> {
                out.write(b);
                return null;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            uninterrupted(() -> {
                out.write(b, off, len);
                return null;
            });
        }

        @Override
        public void flush() throws IOException {
            uninterrupted(() -> {
                out.flush();
                return null;
            });
        }
    }
}
