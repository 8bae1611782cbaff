package org.duovirt.app.graphics;

import java.util.function.Consumer;
import org.duovirt.core.rfb.Framebuffer;

/**
 * The picture the view shows, apart from the decoder's framebuffer: the reading thread copies changed
 * rectangles in at the end of each update (briefly, under this object's lock) and the UI thread takes the
 * changed region once per pulse. So the UI never waits on the network, and never sees half an update.
 */
public final class ScreenBuffer {
    /** A region to draw: the whole buffer and the changed rectangle in it. */
    public record Damage(int width, int height, int[] pixels, int x, int y, int w, int h, boolean resized) {
    }

    private int width;
    private int height;
    private int[] pixels = new int[0];
    private int dx0 = Integer.MAX_VALUE;
    private int dy0 = Integer.MAX_VALUE;
    private int dx1;
    private int dy1;
    private boolean resized;
    private int pendingX0 = Integer.MAX_VALUE;
    private int pendingY0 = Integer.MAX_VALUE;
    private int pendingX1;
    private int pendingY1;

    /** On the reading thread: a rectangle of the framebuffer changed. */
    public void changed(int x, int y, int w, int h) {
        pendingX0 = Math.min(pendingX0, x);
        pendingY0 = Math.min(pendingY0, y);
        pendingX1 = Math.max(pendingX1, x + w);
        pendingY1 = Math.max(pendingY1, y + h);
    }

    /** On the reading thread, after a whole update: copy what changed. */
    public void publish(Framebuffer fb) {
        synchronized (fb) {
            synchronized (this) {
                if (fb.width() != width || fb.height() != height) {
                    width = fb.width();
                    height = fb.height();
                    pixels = new int[width * height];
                    resized = true;
                    pendingX0 = 0;
                    pendingY0 = 0;
                    pendingX1 = width;
                    pendingY1 = height;
                }
                int x0 = Math.max(0, pendingX0);
                int y0 = Math.max(0, pendingY0);
                int x1 = Math.min(width, pendingX1);
                int y1 = Math.min(height, pendingY1);
                for (int row = y0; row < y1; row++) {
                    System.arraycopy(fb.pixels(), row * width + x0, pixels, row * width + x0, x1 - x0);
                }
                if (x1 > x0 && y1 > y0) {
                    dx0 = Math.min(dx0, x0);
                    dy0 = Math.min(dy0, y0);
                    dx1 = Math.max(dx1, x1);
                    dy1 = Math.max(dy1, y1);
                }
            }
        }
        pendingX0 = Integer.MAX_VALUE;
        pendingY0 = Integer.MAX_VALUE;
        pendingX1 = 0;
        pendingY1 = 0;
    }

    /** On the UI thread: hands the changed region (if any) to {@code draw}, under the lock, and clears it. */
    public synchronized boolean drain(Consumer<Damage> draw) {
        if (dx1 <= dx0 && !resized) {
            return false;
        }
        draw.accept(new Damage(width, height, pixels, dx0, dy0, Math.max(0, dx1 - dx0), Math.max(0, dy1 - dy0), resized));
        dx0 = Integer.MAX_VALUE;
        dy0 = Integer.MAX_VALUE;
        dx1 = 0;
        dy1 = 0;
        resized = false;
        return true;
    }

    /** A copy of the picture shown: width, height, pixels. */
    public synchronized int[] snapshot(int[] size) {
        size[0] = width;
        size[1] = height;
        return pixels.clone();
    }
}
