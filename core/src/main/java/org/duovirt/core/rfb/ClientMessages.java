package org.duovirt.core.rfb;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Client-to-server messages, each written whole under one lock so threads never interleave bytes. */
final class ClientMessages {
    private final OutputStream out;

    ClientMessages(OutputStream out) {
        this.out = out;
    }

    /** 32 bits per pixel, depth 24, little-endian, true colour, red at bit 16: an int ARGB pixel minus alpha. */
    void setPixelFormat() {
        send(new Buf(20).u8(0).pad(3).u8(32).u8(24).u8(0).u8(1).u16(255).u16(255).u16(255).u8(16).u8(8).u8(0).pad(3));
    }

    void setEncodings(int[] encodings) {
        Buf b = new Buf(4 + 4 * encodings.length).u8(2).pad(1).u16(encodings.length);
        for (int e : encodings) {
            b.s32(e);
        }
        send(b);
    }

    void updateRequest(boolean incremental, int x, int y, int w, int h) {
        send(new Buf(10).u8(3).u8(incremental ? 1 : 0).u16(x).u16(y).u16(w).u16(h));
    }

    void key(int keysym, boolean down) {
        send(new Buf(8).u8(4).u8(down ? 1 : 0).pad(2).s32(keysym));
    }

    /** QEMU Extended Key Event: the XT scancode makes the key independent of the client's layout. */
    void qemuKey(int keysym, int xtScancode, boolean down) {
        send(new Buf(12).u8(255).u8(0).u16(down ? 1 : 0).s32(keysym).s32(xtScancode));
    }

    void pointer(int x, int y, int buttons) {
        send(new Buf(6).u8(5).u8(buttons).u16(x).u16(y));
    }

    void cutText(String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        Buf b = new Buf(8 + t.length).u8(6).pad(3).s32(t.length);
        b.write(t, 0, t.length);
        send(b);
    }

    private void send(Buf b) {
        synchronized (out) {
            Handshake.write(out, b.toByteArray());
        }
    }

    private static final class Buf extends ByteArrayOutputStream {
        Buf(int size) {
            super(size);
        }

        Buf u8(int v) {
            write(v);
            return this;
        }

        Buf pad(int n) {
            for (int i = 0; i < n; i++) {
                write(0);
            }
            return this;
        }

        Buf u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Buf s32(int v) {
            return u16(v >>> 16).u16(v & 0xffff);
        }
    }
}
