package org.duovirt.kvm;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;

/**
 * The graphical-console test guest (testing/guest/build-vnc) on qemu:///system: a VGA text screen with a
 * banner that then stands still, and every line typed on its keyboard echoed to its serial port. Domains are
 * named {@value #PREFIX}… and only those are ever removed.
 */
final class VncGuest {
    static final String PREFIX = "vnc-it-";
    static final Path DIR = Path.of("/var/lib/libvirt/images/duovirt-vnc");

    private VncGuest() {
    }

    /** Defines and starts the guest (type qemu: TCG) with a VGA card and VNC on loopback. */
    static void start(String name, String vncPassword) throws IOException {
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
        LiveHost.virsh("define", file.toString());
        Files.delete(file);
        LiveHost.virsh("start", name);
    }

    /** Removes every domain this helper made. */
    static void cleanUp() {
        for (String name : LiveHost.domainNames()) {
            if (name.startsWith(PREFIX)) {
                Commands.run(List.of("virsh", "-c", LiveHost.URI, "destroy", name), Duration.ofMinutes(1));
                Commands.run(List.of("virsh", "-c", LiveHost.URI, "undefine", name), Duration.ofMinutes(1));
            }
        }
    }

    /** libvirt's own screenshot (QEMU's screendump), as ARGB pixels. */
    static int[] virshScreenshot(String name, int[] size) throws IOException {
        Path file = Files.createTempFile("vnc-it", ".img");
        try {
            LiveHost.virsh("screenshot", name, file.toString());
            BufferedImage image = ImageIO.read(file.toFile());
            size[0] = image.getWidth();
            size[1] = image.getHeight();
            return image.getRGB(0, 0, size[0], size[1], null, 0, size[0]);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Waits until the screen stands still (two screenshots 3 s apart agree) and is not blank. */
    static int[] awaitStillScreen(String name, Duration timeout) throws IOException, InterruptedException {
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

    static long litPixels(int[] argb) {
        return Arrays.stream(argb).filter(p -> (p & 0xffffff) != 0).count();
    }

    /** Share of pixels with the same RGB value; 0 when the sizes differ. */
    static double agreement(int[] a, int[] b) {
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
