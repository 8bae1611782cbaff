package org.duovirt.app.it;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Dom0Ssh;
import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.VncGuest;
import org.duovirt.core.testing.XenTestHosts;

/**
 * The framebuffer test guest (testing/guest/build-vnc, put in dom0 by testing/xen-host/build-image) as a Xen PV
 * VM made by Duovirt's own create path, asking for a graphical console: with qemu-system-xen in dom0 the config
 * writer gives it {@code vfb = [ "vnc=1,…" ]}; its banner is drawn on the PV framebuffer and every line typed on the PV keyboard
 * is echoed on its PV console (hvc0). Beside Duovirt, gtk-vnc's {@code gvnccapture} reads the same VNC server
 * through an {@code ssh -L} forward of the system's OpenSSH: the independent witness.
 */
public final class XenVfbGuest {
    public static final String KERNEL = "/root/guest/vmlinuz";
    public static final String INITRD = "/root/guest/initrd-vnc.gz";
    public static final String CMDLINE = "console=hvc0 quiet loglevel=0 vt.global_cursor_default=0";
    private static final Duration SSH_UP = Duration.ofMinutes(2);
    /** ssh's own exit status when the connection or the login failed (not the remote command). */
    private static final int SSH_FAILED = 255;
    private static final int SSH_TRIES = 3;

    /** The ssh client failed before the remote side ran anything. */
    private static final class SshFailed extends RuntimeException {
        SshFailed(String message) {
            super(message);
        }
    }

    private XenVfbGuest() {
    }

    /** Creates (through {@link HostConnection#create}) and starts a 96 MiB PV guest of the framebuffer initramfs, with a vfb. */
    public static void createAndStart(HostConnection host, String name) {
        VmSpec spec = new VmSpec(name, 96, 1, new VmSpec.Storage.None(), new VmSpec.Boot.Kernel(KERNEL, INITRD, CMDLINE), null,
                VirtMode.PV, null, List.of(), null, null, null, null, null, true);
        host.create(spec, null);
        host.start(name);
    }

    /** Destroys and deletes every VM of the host whose name starts with {@code prefix} (the test's own). */
    public static void cleanUp(HostConnection host, String prefix) {
        host.listVms(true).stream().filter(v -> v.name().startsWith(prefix)).forEach(v -> {
            if (v.state().isActive()) {
                host.destroy(v.name());
            }
            host.delete(v.name(), true);
        });
    }

    /** The dom0 port of the guest's VNC server, as xenstore names it (the name is the test's own constant). */
    public static int vncPort(String name) {
        String script = "xenstore-read /local/domain/$(xl domid '" + name + "')/console/vnc-port";
        List<String> ssh = List.of(Repository.root().resolve("testing/xen-host/ssh").toString(), script);
        Commands.Result result = null;
        for (int attempt = 1; attempt <= SSH_TRIES; attempt++) {
            result = Commands.run(ssh, Duration.ofMinutes(2));
            if (result.exit() != SSH_FAILED) {
                break;
            }
        }
        if (result.exit() != 0) {
            throw new AssertionError(script + " failed in dom0 (exit " + result.exit() + "): " + result.output());
        }
        return Integer.parseInt(result.output().strip());
    }

    /**
     * The framebuffer as gvnccapture reads it through an ssh -L forward; {@code size} gets width and height. The
     * emulated dom0's sshd now and then refuses a login (testing/xen-host/README.md): such a try is made again.
     */
    public static int[] gvnccapture(String name, int[] size) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return captureOnce(name, size);
            } catch (SshFailed e) {
                if (attempt == SSH_TRIES) {
                    throw new AssertionError(e.getMessage());
                }
            }
        }
    }

    private static int[] captureOnce(String name, int[] size) throws IOException, InterruptedException {
        int remote = vncPort(name);
        int local = freeVncPort();
        List<String> ssh = new ArrayList<>(Dom0Ssh.command(XenTestHosts.uri()));
        ssh.addAll(1, List.of("-N", "-o", "ExitOnForwardFailure=yes", "-L", "127.0.0.1:" + local + ":127.0.0.1:" + remote));
        Process tunnel = new ProcessBuilder(ssh).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path png = Files.createTempFile("xenvfb-gvnc", ".png");
        try {
            awaitListening(tunnel, local);
            // gvnccapture takes a display number: port 5900 + N.
            Commands.ok(List.of("gvnccapture", "--quiet", "127.0.0.1:" + (local - 5900), png.toString()), Duration.ofMinutes(2));
            BufferedImage image = ImageIO.read(png.toFile());
            size[0] = image.getWidth();
            size[1] = image.getHeight();
            return image.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
        } finally {
            tunnel.destroy();
            tunnel.waitFor();
            Files.deleteIfExists(png);
        }
    }

    /** Waits until gvnccapture's frame stands still (two frames 3 s apart agree) and shows something. */
    public static int[] awaitStillFrame(String name, int[] size, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int[] previous = null;
        while (System.nanoTime() < deadline) {
            int[] now = gvnccapture(name, size);
            if (previous != null && Arrays.equals(previous, now) && VncGuest.litPixels(now) > 1000) {
                return now;
            }
            previous = now;
            Thread.sleep(3000);
        }
        throw new AssertionError("The framebuffer of " + name + " did not stand still within " + timeout.toSeconds() + " s");
    }

    /** The PNG's pixels; {@code size} gets width and height. */
    public static int[] pixels(Path png, int[] size) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        size[0] = image.getWidth();
        size[1] = image.getHeight();
        return image.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
    }

    private static void awaitListening(Process tunnel, int port) throws InterruptedException {
        long deadline = System.nanoTime() + SSH_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!tunnel.isAlive()) {
                throw new SshFailed("ssh -L to the dom0 ended with status " + tunnel.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new AssertionError("ssh -L did not listen on 127.0.0.1:" + port + " within " + SSH_UP.toSeconds() + " s");
    }

    private static int freeVncPort() throws IOException {
        for (int port = 5950; port < 6100; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("No free local port in 5950-6099 for the VNC forward");
    }
}
