package org.duovirt.core.rfb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** Builds what a VNC server would send, byte by byte, for hand-made decoder cases. */
final class ServerStream {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deflater deflater = new Deflater();

    /** Version 3.8, security None, ServerInit of the given size. */
    static ServerStream opened(int width, int height) {
        ServerStream s = new ServerStream();
        s.ascii("RFB 003.008\n").u8(1).u8(1).s32(0);
        s.u16(width).u16(height).bytes(new byte[16]).s32(4).ascii("test");
        return s;
    }

    ServerStream ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    ServerStream u8(int v) {
        out.write(v);
        return this;
    }

    ServerStream u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    ServerStream s32(int v) {
        return u16(v >>> 16).u16(v & 0xffff);
    }

    ServerStream bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** FramebufferUpdate header: type, padding, rectangle count. */
    ServerStream update(int rects) {
        return u8(0).u8(0).u16(rects);
    }

    ServerStream rect(int x, int y, int w, int h, int encoding) {
        return u16(x).u16(y).u16(w).u16(h).s32(encoding);
    }

    /** Raw pixels, each 0xRRGGBB, as blue, green, red, padding. */
    ServerStream rawPixels(int... rgb) {
        for (int p : rgb) {
            u8(p).u8(p >> 8).u8(p >> 16).u8(0);
        }
        return this;
    }

    /** A ZRLE rectangle body: the tile bytes compressed with one stream for the connection, sync-flushed. */
    ServerStream zrle(byte[] tiles) {
        deflater.setInput(tiles);
        byte[] buf = new byte[tiles.length * 2 + 64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        s32(n);
        out.write(buf, 0, n);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    ByteArrayInputStream input() {
        return new ByteArrayInputStream(toByteArray());
    }

    /** Tile bytes builder: subencoding bytes, CPIXELs (blue, green, red) and run lengths. */
    static final class Tiles {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();

        Tiles u8(int... values) {
            for (int v : values) {
                b.write(v);
            }
            return this;
        }

        Tiles cpixel(int... rgb) {
            for (int p : rgb) {
                b.write(p);
                b.write(p >> 8);
                b.write(p >> 16);
            }
            return this;
        }

        /** A run length as ZRLE writes it: (length - 1) in bytes of 255 and a last byte below 255. */
        Tiles run(int length) {
            int rest = length - 1;
            while (rest >= 255) {
                b.write(255);
                rest -= 255;
            }
            b.write(rest);
            return this;
        }

        byte[] bytes() {
            return b.toByteArray();
        }
    }
}
