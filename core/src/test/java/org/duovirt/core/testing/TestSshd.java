package org.duovirt.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An sshd of a test's own on 127.0.0.1 and a spare port, with its own host key, config, authorized_keys and
 * a fresh client key, run in the foreground as a child process (needs root and the openssh-server package;
 * bin/setup installs it). The system's sshd and its config are never touched. {@link #knownHosts()} lists the
 * real host key; {@link #wrongKnownHosts()} lists another key under the same name.
 */
public final class TestSshd implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private TestSshd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts it in {@code dir} (a fresh temp directory) and waits until it answers with its banner. */
    public static TestSshd start(Path dir) throws IOException, InterruptedException {
        Path sshd = Path.of("/usr/sbin/sshd");
        if (!Files.isExecutable(sshd)) {
            throw new AssertionError("No /usr/sbin/sshd: run bin/setup (it installs openssh-server)");
        }
        // The privilege separation directory Debian's sshd.service creates; sshd will not start without it.
        Files.createDirectories(Path.of("/run/sshd"));
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("client_ed25519"));
        keygen(dir.resolve("other_ed25519"));
        Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        String config = String.join("\n",
                "ListenAddress 127.0.0.1",
                "Port " + port,
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "AllowTcpForwarding yes",
                "AllowStreamLocalForwarding yes",
                "Subsystem sftp internal-sftp", "");
        Files.writeString(dir.resolve("sshd_config"), config);
        String hostKey = Files.readString(dir.resolve("host_ed25519.pub")).strip().split("\\s+", 3)[1];
        String otherKey = Files.readString(dir.resolve("other_ed25519.pub")).strip().split("\\s+", 3)[1];
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " ssh-ed25519 " + hostKey + "\n");
        Files.writeString(dir.resolve("wrong_known_hosts"), "[127.0.0.1]:" + port + " ssh-ed25519 " + otherKey + "\n");
        Process p = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        TestSshd server = new TestSshd(dir, port, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("The test sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                if (new String(s.getInputStream().readNBytes(4)).equals("SSH-")) {
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        server.close();
        throw new AssertionError("The test sshd did not answer on port " + port);
    }

    private static void keygen(Path key) {
        Commands.ok(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "duovirt-test", "-f", key.toString()),
                Duration.ofSeconds(30));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The private key authorized_keys accepts. */
    public Path clientKey() {
        return dir.resolve("client_ed25519");
    }

    /** A known_hosts file with the server's real host key. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** A known_hosts file naming this server with a different key. */
    public Path wrongKnownHosts() {
        return dir.resolve("wrong_known_hosts");
    }

    /** An empty known_hosts file: the server's key is unknown. */
    public Path emptyKnownHosts() throws IOException {
        Path empty = dir.resolve("empty_known_hosts");
        Files.writeString(empty, "");
        return empty;
    }

    /** The server's host key fingerprint as ssh-keygen -l prints it (SHA256:…). */
    public String hostKeyFingerprint() {
        return Commands.ok(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("host_ed25519.pub").toString()),
                Duration.ofSeconds(30)).strip().split("\\s+")[1];
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
