package org.duovirt.core.rfb;

/** Raw (encoding 0) rectangles and the pointer image (Cursor pseudo-encoding), both plain 32-bit pixels. */
final class RawDecoder {
    private byte[] bytes = new byte[0];
    private int[] row = new int[0];

    void decode(RfbInput in, Framebuffer fb, int x, int y, int w, int h) {
        int stride = w * 4;
        int rowsPerChunk = Math.max(1, (256 * 1024) / Math.max(1, stride));
        ensure(stride * rowsPerChunk, w * rowsPerChunk);
        for (int done = 0; done < h; done += rowsPerChunk) {
            int rows = Math.min(rowsPerChunk, h - done);
            in.readFully(bytes, 0, rows * stride);
            convert(bytes, row, rows * w);
            fb.blit(x, y + done, w, rows, row, 0, w);
        }
    }

    CursorShape cursor(RfbInput in, int hotX, int hotY, int w, int h) {
        if (w == 0 || h == 0) {
            return null;
        }
        int[] argb = new int[w * h];
        byte[] px = in.bytes(w * h * 4);
        convert(px, argb, w * h);
        int maskStride = (w + 7) / 8;
        byte[] mask = in.bytes(maskStride * h);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                if ((mask[yy * maskStride + xx / 8] & (0x80 >> (xx % 8))) == 0) {
                    argb[yy * w + xx] = 0;
                }
            }
        }
        return new CursorShape(w, h, hotX, hotY, argb);
    }

    private void ensure(int nBytes, int nPixels) {
        if (bytes.length < nBytes) {
            bytes = new byte[nBytes];
        }
        if (row.length < nPixels) {
            row = new int[nPixels];
        }
    }

    /** Blue, green, red, padding (little-endian, red at bit 16) into opaque ARGB. */
    static void convert(byte[] src, int[] dst, int n) {
        for (int i = 0, p = 0; i < n; i++, p += 4) {
            dst[i] = 0xff000000 | ((src[p + 2] & 0xff) << 16) | ((src[p + 1] & 0xff) << 8) | (src[p] & 0xff);
        }
    }
}
