package org.duovirt.xen.transport;

import com.jcraft.jsch.SocketFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Sockets for JSch whose TCP connect and server greeting ("SSH-2.0-…") must arrive within a short deadline,
 * while the key exchange after it keeps JSch's long timeout. A live sshd greets at once, even under emulation;
 * a host that accepts TCP but does not greet is not up (a dom0 still booting behind QEMU's port forward
 * accepts and stays silent). Without this each reconnect attempt against such a host hung for the whole
 * handshake timeout, and the first attempt after sshd came up was only made once it expired.
 */
final class GreetingDeadline implements SocketFactory {
    private final int deadlineMs;

    GreetingDeadline(int deadlineMs) {
        this.deadlineMs = deadlineMs;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), deadlineMs);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("no TCP connection within " + deadlineMs / 1000 + " s");
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return new UntilGreeted(socket, System.nanoTime() + deadlineMs * 1_000_000L, deadlineMs);
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return socket.getOutputStream();
    }

    /** Bounds every read by the greeting's deadline until the greeting's line has ended; then passes through. */
    private static final class UntilGreeted extends FilterInputStream {
        private final Socket socket;
        private final long deadline;
        private final int deadlineMs;
        private volatile boolean greeted;

        UntilGreeted(Socket socket, long deadline, int deadlineMs) throws IOException {
            super(socket.getInputStream());
            this.socket = socket;
            this.deadline = deadline;
            this.deadlineMs = deadlineMs;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (greeted) {
                return in.read(b, off, len);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw silent();
            }
            int saved = socket.getSoTimeout();
            socket.setSoTimeout((int) (saved == 0 ? left : Math.min(saved, left)));
            try {
                int n = in.read(b, off, len);
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        greeted = true;
                    }
                }
                return n;
            } catch (SocketTimeoutException e) {
                throw silent();
            } finally {
                socket.setSoTimeout(saved);
            }
        }

        private SocketTimeoutException silent() {
            return new SocketTimeoutException("the host accepted the connection but sshd sent no greeting within " + deadlineMs / 1000 + " s");
        }
    }
}
