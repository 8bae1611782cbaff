package org.duovirt.xen.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.core.error.HostUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that accepts TCP but never greets (a dom0 still booting behind QEMU's port forward) is given up on
 * after the greeting deadline, not after the whole handshake timeout; a host that greets is read as before.
 */
class GreetingDeadlineTest {
    /** Accepts every connection and, when {@code greeting} is given, sends it, then the rest a second later. */
    private static ServerSocket server(String greeting, String later) throws Exception {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    if (greeting != null) {
                        OutputStream out = s.getOutputStream();
                        out.write(greeting.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(1000);
                        out.write(later.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (Exception e) {
                    return;
                }
            }
        }, "greeting-server");
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aSilentHostFailsAtTheDeadline() throws Exception {
        try (ServerSocket silent = server(null, null)) {
            GreetingDeadline f = new GreetingDeadline(500);
            Socket s = f.createSocket("127.0.0.1", silent.getLocalPort());
            s.setSoTimeout(30_000); // what JSch sets for the whole handshake
            InputStream in = f.getInputStream(s);
            long t0 = System.nanoTime();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class).hasMessageContaining("sent no greeting within");
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(400L, 5_000L);
            assertThat(s.getSoTimeout()).isEqualTo(30_000);
            s.close();
        }
    }

    @Test
    void afterTheGreetingReadsKeepTheHandshakeTimeout() throws Exception {
        try (ServerSocket greets = server("SSH-2.0-OpenSSH_9.2\r\n", "kex")) {
            GreetingDeadline f = new GreetingDeadline(300);
            Socket s = f.createSocket("127.0.0.1", greets.getLocalPort());
            s.setSoTimeout(30_000);
            InputStream in = f.getInputStream(s);
            byte[] line = new byte[21];
            assertThat(in.readNBytes(line, 0, 21)).isEqualTo(21);
            assertThat(new String(line, StandardCharsets.US_ASCII)).startsWith("SSH-2.0-");
            // The next bytes come a second later, past the greeting deadline: still read.
            assertThat(new String(in.readNBytes(3), StandardCharsets.US_ASCII)).isEqualTo("kex");
            s.close();
        }
    }

    @Test
    void sshTransportGivesUpOnASilentHostAtTheGreetingDeadline(@TempDir Path dir) throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        try (ServerSocket silent = server(null, null)) {
            SshTarget target = new SshTarget("root", "127.0.0.1", silent.getLocalPort(), null, knownHosts);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> SshTransport.connect(target)).isInstanceOf(HostUnreachableException.class)
                    .hasMessageContaining("sent no greeting within 8 s");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isBetween(SshTransport.GREETING_TIMEOUT_MS - 500L, 20_000L);
        }
    }
}
