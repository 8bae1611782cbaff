package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.rfb.FrameGrab;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.ConnectOptions;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.testing.TestSshd;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graphical console over {@code qemu+ssh://}: an sshd of the test's own on 127.0.0.1 (own host key, own
 * authorized_keys, a generated client key and known_hosts) in front of the real libvirtd. The VNC server of the
 * tiny guest listens on the host's loopback only; Duovirt's own SSH session (the shared core.ssh one) carries
 * it in a direct-tcpip channel, and the frame that arrives matches {@code virsh screenshot}. An unknown and a
 * changed host key are refused with the key's fingerprint; no_verify=1 is refused with a sentence.
 */
class SshGraphicsIT {
    private static final String PREFIX = "con-ssh-";
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

    /**
     * The URI the brief names. libvirt's own ssh transport ignores known_hosts= (only its libssh transports
     * read it) and would check root's ~/.ssh/known_hosts, which a test must not edit; so libvirt's ssh is
     * pointed at the same file by a command= wrapper that adds UserKnownHostsFile (strict checking kept).
     * Duovirt's own session reads keyfile= and known_hosts= itself.
     */
    private static String uri(Path knownHosts) throws Exception {
        Path wrapper = dir.resolve("ssh-" + knownHosts.getFileName());
        Files.writeString(wrapper, "#!/bin/sh\nexec ssh -o UserKnownHostsFile=" + knownHosts
                + " -o StrictHostKeyChecking=yes -o BatchMode=yes \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        return "qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?keyfile=" + enc(sshd.clientKey())
                + "&known_hosts=" + enc(knownHosts) + "&command=" + enc(wrapper);
    }

    /** The test's own paths (a JUnit temp directory) hold nothing a URI would need to escape. */
    private static String enc(Path p) {
        assertThat(p.toString()).matches("[A-Za-z0-9/._-]+");
        return p.toString();
    }

    @Test
    void theGuestsScreenArrivesThroughDuovirtsOwnSshSessionAndMatchesVirsh() throws Exception {
        try (HostConnection host = Backends.installed().connect(uri(sshd.knownHosts()), ConnectOptions.PROGRAMS_CONFIRMED)) {
            assertThat(host.supports(Feature.GRAPHICS_CHANNEL)).isTrue();
            assertThat(host.graphics(NAME).host()).as("QEMU listens on the host's loopback only").isEqualTo("127.0.0.1");
            FrameGrab.Picture picture;
            try (GraphicsChannel channel = host.openGraphics(NAME)) {
                assertThat(channel.route()).startsWith("SSH channel via root@127.0.0.1:" + sshd.port() + " to 127.0.0.1:");
                picture = FrameGrab.grab(channel.fromServer(), channel.toServer(), null, Duration.ofSeconds(60));
            }
            int[] size = new int[2];
            int[] virsh = VncGuest.virshScreenshot(NAME, size);
            assertThat(picture.width()).isEqualTo(size[0]);
            assertThat(picture.height()).isEqualTo(size[1]);
            double agreement = VncGuest.agreement(picture.argb(), virsh);
            System.out.printf("qemu+ssh framebuffer vs virsh screenshot: %.4f%% of %dx%d pixels agree%n",
                    agreement * 100, size[0], size[1]);
            assertThat(agreement).isGreaterThanOrEqualTo(0.99);
            assertThat(VncGuest.agreement(picture.argb(), still)).isGreaterThanOrEqualTo(0.99);

            // A second console on the same connection reuses the session.
            try (GraphicsChannel again = host.openGraphics(NAME)) {
                assertThat(FrameGrab.grab(again.fromServer(), again.toServer(), null, Duration.ofSeconds(60)).width())
                        .isEqualTo(size[0]);
            }
        }
    }

    /** libvirt's libssh2 transport reads known_hosts= itself: the same URI works with no wrapper, strictly. */
    @Test
    void overQemuLibssh2TheSameKnownHostsServesLibvirtAndDuovirtAlike() throws Exception {
        String uri = "qemu+libssh2://root@127.0.0.1:" + sshd.port() + "/system?keyfile=" + enc(sshd.clientKey())
                + "&known_hosts=" + enc(sshd.knownHosts()) + "&sshauth=privkey";
        try (HostConnection host = Backends.installed().connect(uri); GraphicsChannel channel = host.openGraphics(NAME)) {
            assertThat(channel.route()).startsWith("SSH channel via root@127.0.0.1:" + sshd.port());
            FrameGrab.Picture picture = FrameGrab.grab(channel.fromServer(), channel.toServer(), null, Duration.ofSeconds(60));
            assertThat(VncGuest.agreement(picture.argb(), still)).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void anUnknownOrChangedHostKeyIsRefusedWithItsFingerprint() throws Exception {
        String fingerprint = sshd.hostKeyFingerprint();
        String base = "qemu+ssh://root@127.0.0.1:" + sshd.port() + "/system?keyfile=" + enc(sshd.clientKey()) + "&known_hosts=";
        SshGraphicsChannel.Tunnel unknown = new SshGraphicsChannel.Tunnel(base + enc(sshd.emptyKnownHosts()));
        assertThatThrownBy(unknown::session).isInstanceOf(DuovirtException.class)
                .satisfies(e -> assertThat(((DuovirtException) e).userMessage())
                        .contains("The SSH host key of [127.0.0.1]:" + sshd.port() + " (ssh-ed25519 " + fingerprint + ") is not in")
                        .contains("so Duovirt refused to connect"));
        unknown.close();
        SshGraphicsChannel.Tunnel changed = new SshGraphicsChannel.Tunnel(base + enc(sshd.wrongKnownHosts()));
        assertThatThrownBy(changed::session).isInstanceOf(DuovirtException.class)
                .satisfies(e -> assertThat(((DuovirtException) e).userMessage())
                        .contains("has changed: it now offers ssh-ed25519 " + fingerprint));
        changed.close();
    }

    @Test
    void noVerifyIsRefusedForTheGraphicalConsoleEvenWhenLibvirtWasAllowedIt() throws Exception {
        try (HostConnection host = Backends.installed().connect(uri(sshd.knownHosts()) + "&no_verify=1",
                ConnectOptions.PROGRAMS_CONFIRMED)) {
            assertThatThrownBy(() -> host.openGraphics(NAME)).isInstanceOf(DuovirtException.class)
                    .satisfies(e -> assertThat(((DuovirtException) e).userMessage())
                            .contains("checks the SSH host key of 127.0.0.1 strictly")
                            .contains("no_verify=1"));
        }
    }
}
