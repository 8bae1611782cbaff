package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.duovirt.core.testing.TestSshd;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duovirt screenshot} of a host reached over SSH (an sshd of the test's own on loopback in front of the real
 * libvirtd, qemu+libssh2 so libvirt and Duovirt read the same known_hosts=): the CLI's own RFB client gets the
 * frame through Duovirt's SSH channel and it matches the guest's still screen.
 */
class ScreenshotOverSshIT {
    private static final String PREFIX = "con-cli-";
    private static final String NAME = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    @TempDir
    static Path dir;
    private static TestSshd sshd;
    private static int[] still;

    @BeforeAll
    static void boot() throws Exception {
        sshd = TestSshd.start(Files.createDirectories(dir.resolve("sshd")));
        VncGuest.cleanUp(PREFIX);
        VncGuest.start(NAME, null);
        still = VncGuest.awaitStillScreen(NAME, Duration.ofMinutes(3));
    }

    @AfterAll
    static void tidy() {
        VncGuest.cleanUp(PREFIX);
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void theScreenshotComesThroughTheSshChannelAndMatchesTheGuestsScreen() throws Exception {
        String uri = "qemu+libssh2://root@127.0.0.1:" + sshd.port() + "/system?keyfile=" + sshd.clientKey()
                + "&known_hosts=" + sshd.knownHosts() + "&sshauth=privkey";
        Path png = dir.resolve("ssh.png");
        CliRun shot = CliRun.of("-c", uri, "--json", "screenshot", NAME, png.toString());
        assertThat(shot.exitCode()).as(shot.err()).isZero();
        assertThat(shot.out()).contains("\"width\":720").contains("SSH channel via root@127.0.0.1:" + sshd.port());
        BufferedImage image = ImageIO.read(png.toFile());
        double agreement = VncGuest.agreement(image.getRGB(0, 0, 720, 400, null, 0, 720), still);
        System.out.printf("duovirt screenshot over SSH vs the still screen: %.4f%% of 720x400 pixels agree%n", agreement * 100);
        assertThat(agreement).isGreaterThanOrEqualTo(0.99);
    }
}
