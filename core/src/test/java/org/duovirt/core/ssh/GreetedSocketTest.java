package org.duovirt.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** How the SSH connection is chosen when a port forward accepts for a host that is not answering yet. */
class GreetedSocketTest {
    /** A shorter patience than the product's 10 s, so the tests take seconds. */
    private static final long PATIENCE = 1500;
    private static final String BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";

    /**
     * A loopback server standing for a port forward: it accepts every connection at once; connection n (from 1)
     * greets after {@code delayMs(n)} ms when {@code greets(n)}, else stays silent until closed. It records which
     * connections the client closed (read EOF).
     */
    private static final class Forward implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Integer> closedByClient = new CopyOnWriteArrayList<>();
        final List<Socket> accepted = new CopyOnWriteArrayList<>();

        Forward(IntPredicate greets, long delayMs) throws IOException {
            Thread t = new Thread(() -> {
                for (int n = 1; ; n++) {
                    try {
                        Socket s = server.accept();
                        accepted.add(s);
                        int id = n;
                        Thread serve = new Thread(() -> serve(s, id, greets.test(id), delayMs));
                        serve.setDaemon(true);
                        serve.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private void serve(Socket s, int id, boolean greet, long delayMs) {
            try {
                if (greet) {
                    Thread.sleep(delayMs);
                    s.getOutputStream().write(BANNER.getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                }
                if (s.getInputStream().read() < 0) {
                    closedByClient.add(id);
                }
            } catch (IOException | InterruptedException e) {
                closedByClient.add(id);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private static String firstLine(Socket socket, GreetedSocket factory) throws IOException {
        socket.setSoTimeout(5000);
        InputStream in = factory.getInputStream(socket);
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            b.append((char) c);
        }
        return b + "\n";
    }

    @Test
    void aThreadWhoseInterruptStatusIsSetWritesAndReadsWithoutClosingTheConnectionAndKeepsItsStatus() throws Exception {
        try (Forward forward = new Forward(n -> true, 0)) {
            GreetedSocket factory = new GreetedSocket(10_000, PATIENCE);
            try (Socket s = factory.createSocket("127.0.0.1", forward.port())) {
                // The raw stream of a SocketChannel's socket closes the channel for an interrupted thread: what the
                // factory's streams guard against (JSch writes from the app's threads).
                Thread.currentThread().interrupt();
                try {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.getOutputStream().write('x'))
                            .isInstanceOf(java.nio.channels.ClosedByInterruptException.class);
                } finally {
                    Thread.interrupted();
                }
            }
            try (Socket s = factory.createSocket("127.0.0.1", forward.port())) {
                java.io.OutputStream out = factory.getOutputStream(s);
                Thread.currentThread().interrupt();
                try {
                    out.write("SSH-2.0-JSCH\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(firstLine(s, factory)).isEqualTo(BANNER);
                    assertThat(Thread.currentThread().isInterrupted()).as("the status is given back").isTrue();
                } finally {
                    Thread.interrupted();
                }
                assertThat(s.isClosed()).isFalse();
                assertThat(s.getChannel().isOpen()).isTrue();
            }
        }
    }

    @Test
    void aServerThatGreetsAtOnceIsUsedAndItsWholeBannerReachesJsch() throws Exception {
        try (Forward forward = new Forward(n -> true, 0)) {
            GreetedSocket factory = new GreetedSocket(10_000, PATIENCE);
            try (Socket s = factory.createSocket("127.0.0.1", forward.port())) {
                assertThat(firstLine(s, factory)).isEqualTo(BANNER);
                assertThat(forward.accepted).hasSize(1);
            }
        }
    }

    @Test
    void aForwardHoldingTheFirstConnectionSilentIsPassedByAFreshOneThatGreetsAndTheHeldOneIsClosed() throws Exception {
        // The first connection is what QEMU's forward holds while the guest is down: silent for good.
        try (Forward forward = new Forward(n -> n > 1, 0)) {
            GreetedSocket factory = new GreetedSocket(30_000, PATIENCE);
            long t0 = System.nanoTime();
            try (Socket s = factory.createSocket("127.0.0.1", forward.port())) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(ms).as("greeted by the second connection, opened after the patience").isBetween(PATIENCE - 100, 20_000L);
                assertThat(firstLine(s, factory)).startsWith("SSH-2.0-");
                assertThat(forward.accepted).hasSize(2);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!forward.closedByClient.contains(1) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(forward.closedByClient).as("the silent connection is closed").contains(1);
            }
        }
    }

    @Test
    void aSlowSshdKeepsItsFirstConnectionWhileExtrasComeAndGoBesideIt() throws Exception {
        // Only the first connection greets, after two patiences: the extras opened meanwhile never greet.
        long slow = 2 * PATIENCE + 500;
        try (Forward forward = new Forward(n -> n == 1, slow)) {
            GreetedSocket factory = new GreetedSocket(30_000, PATIENCE);
            try (Socket s = factory.createSocket("127.0.0.1", forward.port())) {
                assertThat(firstLine(s, factory)).startsWith("SSH-2.0-");
                int opened = forward.accepted.size();
                assertThat(opened).as("extras were opened beside the slow first one").isGreaterThanOrEqualTo(2);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (forward.closedByClient.size() < opened - 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                // Every extra is closed; the first, which greeted, is the one in use.
                assertThat(forward.closedByClient).hasSize(opened - 1).doesNotContain(1);
            }
        }
    }

    @Test
    void aRefusedOrClosedConnectionFailsAtOnceAndSilenceFailsAtTheBudget() throws Exception {
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unused = probe.getLocalPort();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new GreetedSocket(30_000, PATIENCE).createSocket("127.0.0.1", unused)).isInstanceOf(java.net.ConnectException.class);
        // A forward whose host refused its SYN closes the accepted connection: that too is an answer, at once.
        try (ServerSocket closing = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CountDownLatch done = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try (Socket s = closing.accept()) {
                    done.countDown();
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            t.setDaemon(true);
            t.start();
            assertThatThrownBy(() -> new GreetedSocket(30_000, PATIENCE).createSocket("127.0.0.1", closing.getLocalPort()))
                    .isInstanceOf(IOException.class).hasMessageContaining("before it greeted");
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).as("both at once, not at the budget").isLessThan(10_000);
        try (Forward silent = new Forward(n -> false, 0)) {
            long t1 = System.nanoTime();
            assertThatThrownBy(() -> new GreetedSocket(1500, PATIENCE).createSocket("127.0.0.1", silent.port())).isInstanceOf(SocketTimeoutException.class);
            assertThat((System.nanoTime() - t1) / 1_000_000).isBetween(1400L, 10_000L);
        }
    }
}
