package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.duovirt.app.it.ConsoleText;
import org.duovirt.app.it.XenVfbGuest;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.testing.VncGuest;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Xen PV guest's framebuffer through {@code xl+ssh://} on the real Xen test host: Duovirt's config writer gives
 * the guest {@code vfb = [ "vnc=1,…" ]} (qemu-system-xen in dom0 is its backend); {@code duovirt screenshot}
 * matches gtk-vnc's gvnccapture of the same still frame, the banner is on it, and a line typed by
 * {@code duovirt send-keys} (Duovirt's RFB client) comes back on the guest's PV console.
 */
class XenFramebufferCliIT {
    private static final String PREFIX = "xenvfb-cli-";
    private static final String VM = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static String uri;
    private static HostConnection host;
    @TempDir
    static Path dir;

    @BeforeAll
    static void boot() {
        uri = XenTestHosts.uri();
        host = Backends.installed().connect(uri);
        XenVfbGuest.cleanUp(host, PREFIX);
        XenVfbGuest.createAndStart(host, VM);
    }

    @AfterAll
    static void tidy() {
        if (host != null) {
            XenVfbGuest.cleanUp(host, PREFIX);
            host.close();
        }
    }

    @Test
    void screenshotMatchesGvnccaptureAndALineTypedThroughTheRfbClientIsEchoedOnThePvConsole() throws Exception {
        assertThat(XenTestHosts.dom0("cat /etc/xen/duovirt/" + VM + ".cfg")).contains("vfb = [ \"vnc=1,vnclisten=127.0.0.1\" ]");
        try (TextConsole console = host.openConsole(VM)) {
            StringBuffer seen = ConsoleText.read(console);
            assertThat(ConsoleText.await(seen, "DUOVIRT-VNC-KEYBOARD-READY", Duration.ofMinutes(5)))
                    .as("the guest's PV keyboard bound; its console showed:\n" + seen).isTrue();

            int[] size = new int[2];
            int[] still = XenVfbGuest.awaitStillFrame(VM, size, Duration.ofMinutes(3));
            Path png = dir.resolve("xen-vfb.png");
            CliRun shot = CliRun.of("-c", uri, "--json", "screenshot", VM, png.toString());
            int[] witness = XenVfbGuest.gvnccapture(VM, new int[2]);
            assertThat(shot.exitCode()).as(shot.err()).isZero();
            assertThat(shot.out()).contains("\"width\":" + size[0]).contains("\"height\":" + size[1]).contains("SSH channel via ");
            int[] duovirt = XenVfbGuest.pixels(png, new int[2]);
            double agreement = VncGuest.agreement(duovirt, witness);
            System.out.printf("XENVFB duovirt screenshot vs gvnccapture: %.4f%% of %dx%d pixels agree%n", agreement * 100, size[0], size[1]);
            assertThat(agreement).isGreaterThanOrEqualTo(0.99);
            assertThat(VncGuest.agreement(duovirt, still)).as("the frame stood still").isGreaterThanOrEqualTo(0.99);
            // The banner's lines are white text on black, in the upper part of the screen only.
            assertThat(VncGuest.litPixels(duovirt)).as("the banner's pixels").isBetween(1000L, (long) size[0] * size[1] / 10);

            // Typed through Duovirt's RFB client on the PV keyboard; the guest echoes it on hvc0.
            int attempt = SendKeys.untilEchoed(uri, VM, "typed on xen", "vnc guest heard: ", seen, Duration.ofSeconds(60), 4);
            System.out.println("XENVFB send-keys reached the guest on attempt " + attempt);
        }
    }

    @Test
    void theCliGivesAPvGuestAFramebufferWithGraphicsAndRefusesItForPvh() {
        String pv = CliRun.of("-c", uri, "create", "--dry-run", "--name", PREFIX + "dry", "--memory", "96", "--kernel",
                XenVfbGuest.KERNEL, "--mode", "pv", "--graphics").out();
        assertThat(pv).contains("vfb = [ \"vnc=1,vnclisten=127.0.0.1\" ]");
        CliRun none = CliRun.of("-c", uri, "create", "--dry-run", "--name", PREFIX + "dry", "--memory", "96", "--kernel",
                XenVfbGuest.KERNEL, "--mode", "pv");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(none.out()).as("as xl: no vfb unless asked").contains("type = \"pv\"").doesNotContain("vfb =");
        CliRun pvh = CliRun.of("-c", uri, "create", "--dry-run", "--name", PREFIX + "dry", "--memory", "96", "--kernel",
                XenVfbGuest.KERNEL, "--mode", "pvh", "--graphics");
        assertThat(pvh.exitCode()).isEqualTo(1);
        assertThat(pvh.err()).contains("A PVH VM gets no graphical console (it has no device model)");
    }
}
