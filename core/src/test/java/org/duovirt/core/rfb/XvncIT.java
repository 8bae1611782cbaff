package org.duovirt.core.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our RFB client against TigerVNC's Xvnc (Debian tigervnc-standalone-server) on loopback, started by the test
 * with a VNC password: ZRLE and CopyRect rectangles from a real server, the password checked, a wrong one refused.
 */
class XvncIT {
    private static final String PASSWORD = "duo-vnc1";
    @TempDir
    static Path dir;
    private static Process xvnc;
    private static int port;
    private static String display;

    @BeforeAll
    static void startXvnc() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        display = ":" + (100 + port % 400);
        Path passwd = dir.resolve("passwd");
        Process p = new ProcessBuilder("vncpasswd", "-f").start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        Files.write(passwd, p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isZero();
        xvnc = new ProcessBuilder("Xvnc", display, "-rfbport", String.valueOf(port), "-localhost", "-geometry", "800x600",
                "-depth", "24", "-SecurityTypes", "VncAuth", "-PasswordFile", passwd.toString(), "-AlwaysShared")
                .redirectErrorStream(true).redirectOutput(dir.resolve("xvnc.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !xvnc.isAlive()) {
                    throw new AssertionError("Xvnc did not start: " + Files.readString(dir.resolve("xvnc.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (xvnc != null) {
            xvnc.destroy();
        }
    }

    private static Process x(String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DISPLAY", display);
        return b.start();
    }

    @Test
    void theRightPasswordGivesTheScreenInZrleAndScrollingComesAsCopyRect() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            RfbClient client = RfbClient.connect(socket.getInputStream(), socket.getOutputStream(),
                    PASSWORD::toCharArray, null);
            Thread loop = new Thread(() -> {
                try {
                    client.run();
                } catch (RuntimeException e) {
                    failed.set(e);
                }
            }, "xvnc-client");
            loop.setDaemon(true);
            loop.start();
            assertThat(client.framebuffer().width()).isEqualTo(800);
            // an X client that draws stripes and scrolls them with XCopyArea, which Xvnc sends as CopyRect
            String source = Path.of(XvncIT.class.getResource("/rfb/CopyAreaClient.java").toURI()).toString();
            Process scroller = x(Path.of(System.getProperty("java.home"), "bin", "java").toString(), source);
            try {
                await("ZRLE rectangles", () -> client.rectangles(Encodings.ZRLE) > 0);
                await("CopyRect rectangles", () -> client.rectangles(Encodings.COPY_RECT) > 0);
                await("the stripes drawn", () -> lit(client) > 300 * 200);
            } finally {
                scroller.destroy();
            }
            assertThat(failed.get()).isNull();
            System.out.printf("Xvnc: %d ZRLE, %d CopyRect, %d Raw rectangles%n", client.rectangles(Encodings.ZRLE),
                    client.rectangles(Encodings.COPY_RECT), client.rectangles(Encodings.RAW));
            client.close();
        }
    }

    @Test
    void aWrongPasswordIsRefusedInOneSentence() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            assertThatThrownBy(() -> RfbClient.connect(socket.getInputStream(), socket.getOutputStream(),
                    "wrong-pw"::toCharArray, null))
                    .isInstanceOf(RfbException.class)
                    .hasMessageStartingWith("The VNC server refused the password")
                    .hasMessageEndingWith(".")
                    .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
        }
    }

    private static long lit(RfbClient client) {
        synchronized (client.framebuffer()) {
            int[] p = client.framebuffer().snapshot();
            long n = 0;
            for (int v : p) {
                n += (v & 0xffffff) != 0 ? 1 : 0;
            }
            return n;
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

}
