package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An sshd of the test's own on loopback with a fresh host key of the given type: a host that was reinstalled
 * (or an attacker) answering at a known host's address. Nobody can log in; it only has to show its key.
 */
final class ImpostorSshd implements AutoCloseable {
    private final Path dir;
    private final Process sshd;
    private final int port;

    ImpostorSshd(String keyType) throws Exception {
        dir = Files.createTempDirectory(Path.of("/tmp"), "hard-sshd-");
        Path key = dir.resolve("host_key");
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", keyType, "-N", "", "-f", key.toString()).inheritIO().start().waitFor()).isZero();
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        sshd = new ProcessBuilder(List.of("/usr/sbin/sshd", "-D", "-e", "-f", "/dev/null", "-p", Integer.toString(port), "-h", key.toString(),
                "-o", "ListenAddress=127.0.0.1", "-o", "PidFile=none", "-o", "UsePAM=no", "-o", "AuthenticationMethods=publickey",
                "-o", "AuthorizedKeysFile=none")).redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (java.io.IOException notYet) {
                assertThat(System.nanoTime()).as("the impostor sshd listening").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    int port() {
        return port;
    }

    /** What it logged: a login attempt would show here. */
    String log() throws java.io.IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() throws Exception {
        sshd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        new ProcessBuilder("rm", "-rf", "--", dir.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
}
