package org.duovirt.core.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The graphical-console test guest (testing/guest/build-vnc) on qemu:///system, for every module's ITs: a VGA
 * text screen with a banner that then stands still, and every line typed on its keyboard echoed to its serial
 * port. Domains are named {@value #PREFIX}… and only those are ever removed.
 */
public final class VncGuest {
    public static final String PREFIX = "vnc-it-";
    public static final String URI = "qemu:///system";
    static final Path DIR = Path.of("/var/lib/libvirt/images/duovirt-vnc");

    private VncGuest() {
    }

    public static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return Commands.ok(command, Duration.ofMinutes(2));
    }

    /** Defines and starts the guest (type qemu: TCG) with a VGA card and VNC on loopback. */
    public static void start(String name, String vncPassword) throws IOException {
        Commands.ok(List.of(Repository.root().resolve("testing/guest/build-vnc").toString(), DIR.toString()),
                Duration.ofMinutes(5));
        // fixed test values only: nothing here comes from a user
        String xml = "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>128</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><kernel>" + DIR.resolve("vmlinuz") + "</kernel>"
                + "<initrd>" + DIR.resolve("initrd-vnc.gz") + "</initrd>"
                + "<cmdline>console=ttyS0 console=tty0 quiet loglevel=0 vt.global_cursor_default=0</cmdline></os>"
                + "<devices><serial type='pty'/><console type='pty'/>"
                + "<graphics type='vnc' port='-1' listen='127.0.0.1'" + (vncPassword == null ? "" : " passwd='" + vncPassword + "'")
                + "/><video><model type='vga'/></video></devices></domain>";
        Path file = Files.createTempFile("vnc-it", ".xml");
        Files.writeString(file, xml);
        virsh("define", file.toString());
        Files.delete(file);
        virsh("start", name);
    }

    /** Removes leftovers, boots the guest and waits until its screen stands still; returns that screen. */
    public static int[] bootStill(String name) throws IOException, InterruptedException {
        cleanUp();
        start(name, null);
        return awaitStillScreen(name, Duration.ofMinutes(3));
    }

    /** Removes every domain this helper made. */
    public static void cleanUp() {
        cleanUp(PREFIX);
    }

    /** Removes every domain whose name starts with {@code prefix} (a test's own prefix, never another's). */
    public static void cleanUp(String prefix) {
        for (String name : virsh("list", "--all", "--name").lines().map(String::strip).toList()) {
            if (name.startsWith(prefix)) {
                Commands.run(List.of("virsh", "-c", URI, "destroy", name), Duration.ofMinutes(1));
                Commands.run(List.of("virsh", "-c", URI, "undefine", name), Duration.ofMinutes(1));
            }
        }
    }

    /** libvirt's own screenshot (QEMU's screendump), as ARGB pixels; {@code size} gets width and height. */
    public static int[] virshScreenshot(String name, int[] size) throws IOException {
        Path file = Files.createTempFile("vnc-it", ".img");
        try {
            virsh("screenshot", name, file.toString());
            BufferedImage image = ImageIO.read(file.toFile());
            size[0] = image.getWidth();
            size[1] = image.getHeight();
            return image.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Waits until the screen stands still (two screenshots 3 s apart agree) and is not blank. */
    public static int[] awaitStillScreen(String name, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int[] size = new int[2];
        int[] previous = null;
        while (System.nanoTime() < deadline) {
            int[] now = virshScreenshot(name, size);
            if (previous != null && Arrays.equals(previous, now) && litPixels(now) > 1000) {
                return now;
            }
            previous = now;
            Thread.sleep(3000);
        }
        throw new AssertionError("The screen of " + name + " did not stand still within " + timeout.toSeconds() + " s");
    }

    public static long litPixels(int[] argb) {
        return Arrays.stream(argb).filter(p -> (p & 0xffffff) != 0).count();
    }

    /** Share of pixels with the same RGB value; 0 when the sizes differ. */
    public static double agreement(int[] a, int[] b) {
        if (a.length != b.length) {
            return 0;
        }
        long same = 0;
        for (int i = 0; i < a.length; i++) {
            same += (a[i] & 0xffffff) == (b[i] & 0xffffff) ? 1 : 0;
        }
        return (double) same / a.length;
    }
}
