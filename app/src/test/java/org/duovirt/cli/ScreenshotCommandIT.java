package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.duovirt.app.it.ConsoleText;
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
            StringBuffer seen = ConsoleText.read(serial);
            // The guest's "keyboard ready" line may have gone out before the console was attached (QEMU drops
            // pty output nobody reads), and keys sent before the PS/2 keyboard binds are lost: type until heard.
            int attempt = SendKeys.untilEchoed(VncGuest.URI, NAME, "typed by the CLI", "vnc guest heard: ", seen,
                    Duration.ofSeconds(20), 6);
            System.out.println("send-keys reached the guest on attempt " + attempt);
        }
    }
}
