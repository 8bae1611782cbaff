package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.duovirt.core.rfb.FrameGrab;
import org.duovirt.core.rfb.KeyTyper;
import org.duovirt.core.rfb.RfbClient;
import org.duovirt.core.rfb.RfbException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The graphics channel and our RFB client against QEMU's VNC server on the real libvirtd, checked against
 * libvirt's own screenshot and the guest's serial port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraphicsChannelIT {
    private static final String NAME = VncGuest.PREFIX + "channel";
    private static final String LOCKED = VncGuest.PREFIX + "locked";
    private static HostConnection host;
    private static int[] still;

    @BeforeAll
    static void boot() throws Exception {
        VncGuest.cleanUp();
        host = Backends.installed().connect(LiveHost.URI);
        VncGuest.start(NAME, null);
        VncGuest.start(LOCKED, "s3cretpw");
        still = VncGuest.awaitStillScreen(NAME, Duration.ofMinutes(3));
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        VncGuest.cleanUp();
    }

    private static FrameGrab.Picture grab(String vm, String password) throws Exception {
        try (GraphicsChannel channel = host.openGraphics(vm)) {
            assertThat(channel.route()).startsWith("TCP 127.0.0.1:");
            return FrameGrab.grab(channel.fromServer(), channel.toServer(),
                    password == null ? null : password::toCharArray, Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(1)
    void ourScreenshotMatchesVirshScreenshotOfTheSameMoment() throws Exception {
        FrameGrab.Picture ours = grab(NAME, null);
        int[] size = new int[2];
        int[] virsh = VncGuest.virshScreenshot(NAME, size);
        assertThat(ours.width()).isEqualTo(size[0]).isEqualTo(720);
        assertThat(ours.height()).isEqualTo(size[1]).isEqualTo(400);
        double agreement = VncGuest.agreement(ours.argb(), virsh);
        System.out.printf("pixel agreement with virsh screenshot: %.4f%% (%d x %d)%n", agreement * 100, size[0], size[1]);
        assertThat(agreement).isGreaterThanOrEqualTo(0.99);
        assertThat(VncGuest.litPixels(ours.argb())).as("the banner is drawn").isGreaterThan(1000);
    }

    @Test
    @Order(2)
    void aLineTypedThroughVncReachesTheGuestWhichEchoesItOnItsSerialPort() throws Exception {
        try (TextConsole serial = host.openConsole(NAME); GraphicsChannel channel = host.openGraphics(NAME)) {
            ConsoleReader reader = new ConsoleReader(serial);
            reader.awaitText("DUOVIRT-VNC-KEYBOARD-READY", Duration.ofMinutes(2));
            RfbClient client = RfbClient.connect(channel.fromServer(), channel.toServer(), null, null);
            Thread loop = new Thread(client::run, "it-rfb");
            loop.setDaemon(true);
            loop.start();
            LiveHost.await("QEMU's extended key events", Duration.ofSeconds(20), client::extendedKeys);
            new KeyTyper(client).type("Hello, VNC! 42\n");
            reader.awaitText("vnc guest heard: Hello, VNC! 42", Duration.ofSeconds(60));
            client.close();
        }
    }

    @Test
    @Order(3)
    void anOpenSessionFollowsAResetAndAPowerCycleEndsItSoANewOneSeesTheBannerAgain() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        int[] frames = {0};
        GraphicsChannel channel = host.openGraphics(NAME);
        RfbClient client = RfbClient.connect(channel.fromServer(), channel.toServer(), null,
                new org.duovirt.core.rfb.RfbListener() {
                    @Override
                    public void frameComplete() {
                        frames[0]++;
                    }
                });
        Thread loop = new Thread(() -> {
            try {
                client.run();
                ended.set(new RuntimeException("clean end"));
            } catch (RfbException e) {
                ended.set(e);
            }
        }, "it-rfb");
        loop.setDaemon(true);
        loop.start();
        VncGuest.virsh("reset", NAME);
        VncGuest.awaitStillScreen(NAME, Duration.ofMinutes(3));
        LiveHost.await("the session to show the rebooted screen", Duration.ofSeconds(30), () -> {
            synchronized (client.framebuffer()) {
                return VncGuest.agreement(client.framebuffer().snapshot(), still) >= 0.99;
            }
        });
        assertThat(ended.get()).as("a reset keeps the session").isNull();

        VncGuest.virsh("destroy", NAME);
        LiveHost.await("the session to end with the VM", Duration.ofSeconds(30), () -> ended.get() != null);
        channel.close();
        VncGuest.virsh("start", NAME);
        VncGuest.awaitStillScreen(NAME, Duration.ofMinutes(3));
        FrameGrab.Picture again = grab(NAME, null);
        assertThat(VncGuest.agreement(again.argb(), still)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    @Order(4)
    void theDomainsGraphicsPasswordOpensTheConsoleAndAWrongOneIsRefusedInOneSentence() throws Exception {
        VncGuest.awaitStillScreen(LOCKED, Duration.ofMinutes(3));
        FrameGrab.Picture ok = grab(LOCKED, host.graphics(LOCKED).password());
        assertThat(host.graphics(LOCKED).password()).isEqualTo("s3cretpw");
        assertThat(VncGuest.litPixels(ok.argb())).isGreaterThan(1000);
        assertThatThrownBy(() -> grab(LOCKED, "wrong"))
                .isInstanceOf(RfbException.class)
                .hasMessageStartingWith("The VNC server refused the password");
    }

    @Test
    @Order(5)
    void aVmThatIsOffHasNoChannelAndSaysSo() {
        VncGuest.virsh("destroy", LOCKED);
        assertThatThrownBy(() -> host.openGraphics(LOCKED))
                .hasMessage("VM '" + LOCKED + "' is not running, so its graphical console has no port yet.");
    }
}
