package org.duovirt.core.rfb;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * ZRLE (encoding 16): one zlib stream for the whole connection (so one {@link Inflater}), each rectangle cut
 * into 64×64 tiles, each tile raw, solid, packed-palette, plain RLE or palette RLE, pixels as 3-byte CPIXELs
 * (blue, green, red for our 32-bit little-endian format).
 */
final class ZrleDecoder {
    private static final int TILE = 64;
    private final Inflater inflater = new Inflater();
    private byte[] compressed = new byte[64 * 1024];
    private byte[] data = new byte[256 * 1024];
    private final int[] tile = new int[TILE * TILE];
    private final int[] palette = new int[128];
    private int pos;
    private int limit;

    void decode(RfbInput in, Framebuffer fb, int x, int y, int w, int h) {
        int length = in.length(64 * 1024 * 1024, "ZRLE rectangle");
        if (compressed.length < length) {
            compressed = new byte[Math.max(length, compressed.length * 2)];
        }
        in.readFully(compressed, 0, length);
        inflate(length);
        pos = 0;
        for (int ty = y; ty < y + h; ty += TILE) {
            int th = Math.min(TILE, y + h - ty);
            for (int tx = x; tx < x + w; tx += TILE) {
                int tw = Math.min(TILE, x + w - tx);
                decodeTile(fb, tx, ty, tw, th);
            }
        }
    }

    void end() {
        inflater.end();
    }

    private void inflate(int length) {
        inflater.setInput(compressed, 0, length);
        limit = 0;
        try {
            while (true) {
                if (limit == data.length) {
                    data = java.util.Arrays.copyOf(data, data.length * 2);
                }
                int n = inflater.inflate(data, limit, data.length - limit);
                limit += n;
                if (n == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                    break;
                }
            }
        } catch (DataFormatException e) {
            throw new RfbException("The VNC server sent ZRLE data that does not inflate.", "The stream is corrupt; reconnect.", e);
        }
    }

    private void decodeTile(Framebuffer fb, int tx, int ty, int tw, int th) {
        int sub = u8();
        int n = tw * th;
        if (sub == 0) {
            for (int i = 0; i < n; i++) {
                tile[i] = cpixel();
            }
        } else if (sub == 1) {
            fb.fill(tx, ty, tw, th, cpixel());
            return;
        } else if (sub <= 16) {
            packedPalette(sub, tw, th);
        } else if (sub == 128) {
            plainRle(n);
        } else if (sub >= 130) {
            paletteRle(sub - 128, n);
        } else {
            throw new RfbException("The VNC server sent a ZRLE tile of unknown kind " + sub + ".", "The stream is corrupt; reconnect.");
        }
        fb.blit(tx, ty, tw, th, tile, 0, tw);
    }

    private void packedPalette(int size, int tw, int th) {
        readPalette(size);
        int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
        int mask = (1 << bits) - 1;
        for (int row = 0; row < th; row++) {
            int shift = 8;
            int b = 0;
            for (int col = 0; col < tw; col++) {
                if (shift == 0 || shift == 8) {
                    b = u8();
                    shift = 8;
                }
                shift -= bits;
                int index = (b >> shift) & mask;
                if (index >= size) {
                    throw badIndex(index, size);
                }
                tile[row * tw + col] = palette[index];
            }
        }
    }

    private void plainRle(int n) {
        int i = 0;
        while (i < n) {
            int colour = cpixel();
            i = run(i, runLength(), n, colour);
        }
    }

    private void paletteRle(int size, int n) {
        readPalette(size);
        int i = 0;
        while (i < n) {
            int b = u8();
            int index = b & 0x7f;
            if (index >= size) {
                throw badIndex(index, size);
            }
            i = run(i, (b & 0x80) != 0 ? runLength() : 1, n, palette[index]);
        }
    }

    private int run(int i, int length, int n, int colour) {
        if (i + length > n) {
            throw new RfbException("The VNC server sent a ZRLE run longer than its tile.", "The stream is corrupt; reconnect.");
        }
        java.util.Arrays.fill(tile, i, i + length, colour);
        return i + length;
    }

    private int runLength() {
        int length = 1;
        int b;
        do {
            b = u8();
            length += b;
        } while (b == 255);
        return length;
    }

    private void readPalette(int size) {
        for (int i = 0; i < size; i++) {
            palette[i] = cpixel();
        }
    }

    private int u8() {
        if (pos >= limit) {
            throw truncated();
        }
        return data[pos++] & 0xff;
    }

    private int cpixel() {
        if (pos + 3 > limit) {
            throw truncated();
        }
        int p = 0xff000000 | ((data[pos + 2] & 0xff) << 16) | ((data[pos + 1] & 0xff) << 8) | (data[pos] & 0xff);
        pos += 3;
        return p;
    }

    private static RfbException truncated() {
        return new RfbException("The VNC server's ZRLE rectangle ended before its last tile.", "The stream is corrupt; reconnect.");
    }

    private static RfbException badIndex(int index, int size) {
        return new RfbException("The VNC server sent a ZRLE palette index " + index + " of a " + size + "-colour palette.",
                "The stream is corrupt; reconnect.");
    }
}
