package org.duovirt.core.rfb;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One picture of the screen through our own RFB client: connect, ask for the whole screen, and wait until
 * rectangles have covered all of it since the last resize (QEMU first answers with pseudo-encoding
 * acknowledgements only, so "the first update" is not yet the picture). A watchdog closes the session if the
 * server stays silent.
 */
public final class FrameGrab {
    private FrameGrab() {
    }

    /** The screen: width, height and ARGB pixels. */
    public record Picture(int width, int height, int[] argb) {
    }

    public static Picture grab(InputStream in, OutputStream out, Supplier<char[]> password, Duration timeout) {
        Coverage coverage = new Coverage();
        RfbListener listener = new RfbListener() {
            @Override
            public void resized(int width, int height) {
                coverage.reset(width, height);
            }

            @Override
            public void updated(int x, int y, int width, int height) {
                coverage.mark(x, y, width, height);
            }
        };
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                timedOut.set(true);
                closeQuietly(in, out);
            } catch (InterruptedException e) {
                // the picture came in time
            }
        }, "rfb-grab-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            RfbClient client = RfbClient.connect(in, out, password, listener);
            client.setContinuous(false);
            Framebuffer fb = client.framebuffer();
            coverage.reset(fb.width(), fb.height());
            while (!coverage.complete()) {
                if (!client.readMessage()) {
                    throw new RfbException("The VNC server closed the connection before it sent the screen.",
                            "The VM may have stopped; try again.");
                }
            }
            synchronized (fb) {
                return new Picture(fb.width(), fb.height(), fb.snapshot());
            }
        } catch (RfbException e) {
            if (timedOut.get()) {
                throw new RfbException("The VNC server sent no picture within " + timeout.toSeconds() + " s.",
                        "The host may be overloaded; try again.", e);
            }
            throw e;
        } finally {
            watchdog.interrupt();
        }
    }

    /** Which 16×16 blocks of the screen some rectangle has painted. */
    private static final class Coverage {
        private static final int BLOCK = 16;
        private boolean[] painted = new boolean[0];
        private int columns;
        private int missing;

        void reset(int width, int height) {
            columns = (width + BLOCK - 1) / BLOCK;
            painted = new boolean[columns * ((height + BLOCK - 1) / BLOCK)];
            missing = painted.length;
        }

        void mark(int x, int y, int w, int h) {
            for (int by = y / BLOCK; by <= (y + h - 1) / BLOCK && w > 0 && h > 0; by++) {
                for (int bx = x / BLOCK; bx <= (x + w - 1) / BLOCK; bx++) {
                    int i = by * columns + bx;
                    if (i < painted.length && !painted[i]) {
                        painted[i] = true;
                        missing--;
                    }
                }
            }
        }

        boolean complete() {
            return missing == 0;
        }
    }

    private static void closeQuietly(InputStream in, OutputStream out) {
        try {
            in.close();
        } catch (java.io.IOException e) {
            // best effort
        }
        try {
            out.close();
        } catch (java.io.IOException e) {
            // best effort
        }
    }
}
