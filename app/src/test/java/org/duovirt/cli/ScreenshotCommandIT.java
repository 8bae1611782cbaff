package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duovirt screenshot} and {@code duovirt send-keys} on the real libvirtd, through Duovirt's own RFB client:
 * the PNG matches {@code virsh screenshot}, and typed text reaches the guest, which echoes it on its serial port.
 */
class ScreenshotCommandIT {
    private static final String NAME = VncGuest.PREFIX + "cli";
    private static int[] still;
    @TempDir
    static Path dir;

    @BeforeAll
    static void boot() throws Exception {
        still = VncGuest.bootStill(NAME);
    }

    @AfterAll
    static void clean() {
        VncGuest.cleanUp();
    }

    @Test
    void screenshotMatchesVirshAndSendKeysReachesTheGuest() throws Exception {
        Path png = dir.resolve("cli.png");
        CliRun shot = CliRun.of("-c", VncGuest.URI, "--json", "screenshot", NAME, png.toString());
        assertThat(shot.exitCode()).as(shot.err()).isZero();
        assertThat(shot.out()).contains("\"width\":720").contains("\"height\":400").contains("TCP 127.0.0.1:");
        BufferedImage image = ImageIO.read(png.toFile());
        double agreement = VncGuest.agreement(image.getRGB(0, 0, 720, 400, null, 0, 720), still);
        System.out.printf("duovirt screenshot vs virsh screenshot: %.4f%% of 720x400 pixels agree%n", agreement * 100);
        assertThat(agreement).isGreaterThanOrEqualTo(0.99);

        try (HostConnection host = Backends.installed().connect(VncGuest.URI);
                TextConsole serial = host.openConsole(NAME)) {
            StringBuffer seen = new StringBuffer();
            Thread reader = new Thread(() -> {
                byte[] b = new byte[4096];
                try (InputStream in = serial.fromGuest()) {
                    int n;
                    while ((n = in.read(b)) > 0) {
                        seen.append(new String(b, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (Exception e) {
                    seen.append("[serial ended]");
                }
            }, "it-serial");
            reader.setDaemon(true);
            reader.start();
            // The guest's "keyboard ready" line may have gone out before the console was attached (QEMU drops
            // pty output nobody reads), and keys sent before the PS/2 keyboard binds are lost: type until heard.
            for (int attempt = 1; ; attempt++) {
                String line = "typed by the CLI #" + attempt + ": $(id) <x>";
                CliRun keys = CliRun.of("-c", VncGuest.URI, "send-keys", NAME, "--text", line + "\\n");
                assertThat(keys.exitCode()).as(keys.err()).isZero();
                if (await(seen, "vnc guest heard: " + line, Duration.ofSeconds(20))) {
                    System.out.println("send-keys reached the guest on attempt " + attempt);
                    break;
                }
                assertThat(attempt).as("typed lines never echoed; the serial console showed:\n" + seen).isLessThan(6);
            }
        }
    }

    private static boolean await(StringBuffer seen, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.indexOf(text) < 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
