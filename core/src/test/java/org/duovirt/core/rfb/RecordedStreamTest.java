package org.duovirt.core.rfb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.Test;

/** Streams recorded from real servers (StreamRecorder) decode to the picture the server showed. */
class RecordedStreamTest {
    static RfbClient replay(String resource) throws IOException {
        InputStream in = new GZIPInputStream(RecordedStreamTest.class.getResourceAsStream("/rfb/" + resource));
        RfbClient c = RfbClient.connect(in, OutputStream.nullOutputStream(), null, null);
        c.run();
        return c;
    }

    @Test
    void xvncZrleAndRawStreamsShowTheImageOnItsRootWindow() throws IOException {
        RfbClient zrle = replay("xvnc-desktop-zrle.rfb.gz");
        RfbClient raw = replay("xvnc-desktop-raw.rfb.gz");
        assertEquals(1024, zrle.framebuffer().width());
        assertEquals(768, zrle.framebuffer().height());
        assertArrayEquals(raw.framebuffer().snapshot(), zrle.framebuffer().snapshot(), "ZRLE and Raw agree");
        BufferedImage shown = ImageIO.read(RecordedStreamTest.class.getResourceAsStream("/rfb/xvnc-desktop.png"));
        int[] expected = shown.getRGB(0, 0, 1024, 768, null, 0, 1024);
        assertEquals(1.0, VncGuest.agreement(expected, zrle.framebuffer().snapshot()), "every pixel as the image Xvnc showed");
    }

    @Test
    void qemuZrleAndRawStreamsShowTheVgaScreenLibvirtCaptured() throws IOException {
        RfbClient zrle = replay("qemu-vga-zrle.rfb.gz");
        RfbClient raw = replay("qemu-vga-raw.rfb.gz");
        assertEquals(720, zrle.framebuffer().width());
        assertEquals(400, zrle.framebuffer().height());
        assertEquals("QEMU (vnc-shot)", zrle.desktopName());
        assertArrayEquals(raw.framebuffer().snapshot(), zrle.framebuffer().snapshot(), "ZRLE and Raw agree");
        BufferedImage virsh = ImageIO.read(RecordedStreamTest.class.getResourceAsStream("/rfb/qemu-vga-virsh.png"));
        int[] expected = virsh.getRGB(0, 0, 720, 400, null, 0, 720);
        int[] actual = zrle.framebuffer().snapshot();
        assertEquals(1.0, VncGuest.agreement(expected, actual), "every pixel as virsh screenshot showed");
        assertTrue(VncGuest.litPixels(actual) > 1000, "the banner is there");
    }
}
