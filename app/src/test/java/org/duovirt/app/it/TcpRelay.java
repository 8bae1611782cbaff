package org.duovirt.app.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay a test owns between Duovirt and a host's port: {@link #cut} closes it and every
 * connection through it (the host vanishes for Duovirt, nothing on the host is touched), {@link #restore}
 * listens again on the same port. {@link #silence} plays a host that is booting behind QEMU's port forward:
 * connections are accepted and then nothing answers, until {@link #restore} joins them to the target (as
 * QEMU does once the guest answers its retried SYN). {@link #retarget} sends new connections elsewhere (an
 * impostor with another host key). {@link #freeze} stops forwarding without closing anything (a silent loss).
 */
final class TcpRelay implements AutoCloseable {
    private volatile int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile ServerSocket server;

    TcpRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = s.getLocalPort();
        serve(s);
    }

    int port() {
        return port;
    }

    void cut() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        for (Socket s : held) {
            s.close();
        }
        open.clear();
        held.clear();
    }

    /** Accepts, then says nothing: a host whose port forward is up while the host itself is not. */
    void silence() throws IOException {
        cut();
        silent = true;
        listen();
    }

    /**
     * Stops forwarding in both directions while every socket stays open (a link or host that goes silent without
     * closing: no FIN, no RST); new connections are accepted and held. {@link #thaw} forwards again.
     */
    void freeze() {
        synchronized (gate) {
            frozen = true;
            silent = true;
        }
    }

    /** Forwards what was held back, joins the connections accepted meanwhile. */
    void thaw() throws IOException {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
        restore();
    }

    /** New connections go to this port from now on (open ones stay where they are). */
    void retarget(int newTargetPort) {
        targetPort = newTargetPort;
    }

    /** Forwards again; connections accepted while silent are joined to the target now. */
    void restore() throws IOException {
        silent = false;
        for (Socket client : held) {
            held.remove(client);
            join(client);
        }
        if (server == null || server.isClosed()) {
            listen();
        }
    }

    private void listen() throws IOException {
        // A closed server socket is released only once its accept thread wakes up: right after a cut, retry.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                serve(s);
                return;
            } catch (java.net.BindException e) {
                s.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void serve(ServerSocket s) {
        server = s;
        Thread accept = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    if (silent) {
                        held.add(client);
                    } else {
                        join(client);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void join(Socket client) throws IOException {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(target);
        pump(client, target);
        pump(target, client);
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (gate) {
                        while (frozen) {
                            gate.wait();
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // cut or closed: close both ends below
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        synchronized (gate) {
            frozen = false; // pumps held by a freeze end on the closed sockets
            gate.notifyAll();
        }
        cut();
    }
}
