package org.duovirt.core.rfb;

import java.util.Arrays;

/**
 * The remote screen as opaque ARGB pixels, row after row. The decoder writes while holding this object's
 * monitor; a viewer copies what it needs under the same monitor, so it never sees half a rectangle.
 */
public final class Framebuffer {
    private int width;
    private int height;
    private int[] pixels;

    public Framebuffer(int width, int height) {
        resize(width, height);
    }

    public synchronized int width() {
        return width;
    }

    public synchronized int height() {
        return height;
    }

    /** The live pixel array; read it only while synchronized on this framebuffer. */
    public int[] pixels() {
        return pixels;
    }

    /** A copy of the whole screen. */
    public synchronized int[] snapshot() {
        return Arrays.copyOf(pixels, width * height);
    }

    synchronized void resize(int w, int h) {
        if (w <= 0 || h <= 0 || (long) w * h > 64L * 1024 * 1024) {
            throw new RfbException("The VNC server announced a screen of " + w + "x" + h + " pixels, which cannot be shown.",
                    "The stream is corrupt or the guest's resolution is out of range.");
        }
        width = w;
        height = h;
        pixels = new int[w * h];
        Arrays.fill(pixels, 0xff000000);
    }

    void check(int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new RfbException("The VNC server sent a rectangle " + w + "x" + h + "+" + x + "+" + y
                    + " outside its " + width + "x" + height + " screen.", "The stream is corrupt; reconnect.");
        }
    }

    void fill(int x, int y, int w, int h, int argb) {
        for (int row = y; row < y + h; row++) {
            int start = row * width + x;
            Arrays.fill(pixels, start, start + w, argb);
        }
    }

    /** Copies {@code w×h} pixels from {@code src} (rows {@code stride} apart) to (x, y). */
    void blit(int x, int y, int w, int h, int[] src, int offset, int stride) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, offset + row * stride, pixels, (y + row) * width + x, w);
        }
    }

    void copy(int srcX, int srcY, int x, int y, int w, int h) {
        check(srcX, srcY, w, h);
        if (srcY < y) { // overlapping downward copy: go bottom-up so nothing is read after being overwritten
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(pixels, (srcY + row) * width + srcX, pixels, (y + row) * width + x, w);
            }
        }
    }
}
