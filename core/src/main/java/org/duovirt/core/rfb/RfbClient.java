package org.duovirt.core.rfb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * An RFB 3.8 client (also 3.3 and 3.7) over any byte stream: a TCP or UNIX socket, an SSH channel, a
 * recorded file. {@link #connect} does the handshake; {@link #run} then reads server messages into the
 * {@link Framebuffer} on the calling thread until the server closes or {@link #close} is called; the input
 * methods may be called from any thread. No UI toolkit is involved.
 */
public final class RfbClient implements Closeable {
    private final RfbInput in;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final ClientMessages out;
    private final RfbListener listener;
    private final Framebuffer fb;
    private final String name;
    private final RawDecoder raw = new RawDecoder();
    private final ZrleDecoder zrle = new ZrleDecoder();
    private final long[] rectangles = new long[3];
    private volatile boolean extendedKeys;
    private volatile boolean closed;
    private volatile boolean continuous = true;

    private RfbClient(InputStream rawIn, OutputStream rawOut, Handshake.ServerInit init, RfbInput in,
            RfbListener listener) {
        this.rawIn = rawIn;
        this.rawOut = rawOut;
        this.in = in;
        this.out = new ClientMessages(rawOut);
        this.listener = listener;
        this.fb = new Framebuffer(init.width(), init.height());
        this.name = init.name();
    }

    /** Handshake with every encoding Duovirt decodes, then a first full-screen update request. */
    public static RfbClient connect(InputStream in, OutputStream out, Supplier<char[]> password, RfbListener listener) {
        return connect(in, out, password, listener, Encodings.OFFERED);
    }

    /** As {@link #connect(InputStream, OutputStream, Supplier, RfbListener)}, offering only these encodings. */
    public static RfbClient connect(InputStream in, OutputStream out, Supplier<char[]> password, RfbListener listener,
            int[] encodings) {
        RfbInput input = new RfbInput(in);
        Handshake.ServerInit init = Handshake.run(input, out, password == null ? () -> null : password);
        RfbClient client = new RfbClient(in, out, init, input, listener == null ? new RfbListener() { } : listener);
        client.out.setPixelFormat();
        client.out.setEncodings(encodings);
        client.requestFullUpdate();
        return client;
    }

    public Framebuffer framebuffer() {
        return fb;
    }

    public String desktopName() {
        return name;
    }

    /** How many rectangles arrived in Raw, CopyRect or ZRLE so far (for tests and diagnostics). */
    public long rectangles(int encoding) {
        return switch (encoding) {
            case Encodings.RAW -> rectangles[0];
            case Encodings.COPY_RECT -> rectangles[1];
            case Encodings.ZRLE -> rectangles[2];
            default -> 0;
        };
    }

    /** True once the server (QEMU) accepted layout-independent keys by scancode. */
    public boolean extendedKeys() {
        return extendedKeys;
    }

    /**
     * When on (the default), every completed update is followed by an incremental request, so the picture
     * keeps following the guest. Off: the caller asks with {@link #requestFullUpdate} (screenshots, replays).
     */
    public void setContinuous(boolean on) {
        continuous = on;
    }

    /** Reads until the server closes the stream (returns) or it fails (throws); after {@link #close} returns. */
    public void run() {
        try {
            while (!closed) {
                int type = in.u8OrEnd();
                if (type < 0) {
                    return;
                }
                message(type);
            }
        } catch (RfbException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            zrle.end();
        }
    }

    /** Reads exactly one server message; false at a clean end of stream. For screenshots and tests. */
    public boolean readMessage() {
        int type = in.u8OrEnd();
        if (type < 0) {
            return false;
        }
        message(type);
        return true;
    }

    public void requestFullUpdate() {
        out.updateRequest(false, 0, 0, fb.width(), fb.height());
    }

    /** A key by X keysym; {@code xtScancode} (0 if unknown) is used when the server accepts QEMU key events. */
    public void key(int keysym, int xtScancode, boolean down) {
        if (extendedKeys && xtScancode > 0) {
            out.qemuKey(keysym, xtScancode, down);
        } else {
            out.key(keysym, down);
        }
    }

    /** Pointer position in framebuffer pixels and the button mask (bit 0 left, 1 middle, 2 right, 3/4 wheel). */
    public void pointer(int x, int y, int buttons) {
        out.pointer(Math.max(0, Math.min(x, 0xffff)), Math.max(0, Math.min(y, 0xffff)), buttons);
    }

    /** Offers text to the guest's clipboard (Latin-1 only, as RFB allows). */
    public void clipboard(String text) {
        out.cutText(text);
    }

    @Override
    public void close() {
        closed = true;
        try {
            rawIn.close();
        } catch (IOException e) {
            // closing a dead link: nothing to report
        }
        try {
            rawOut.close();
        } catch (IOException e) {
            // same
        }
    }

    private void message(int type) {
        switch (type) {
            case 0 -> framebufferUpdate();
            case 1 -> {
                in.skip(3);
                in.skip(in.u16() * 6);
            }
            case 2 -> listener.bell();
            case 3 -> {
                in.skip(3);
                listener.serverText(new String(in.bytes(in.length(1 << 20, "clipboard text")), StandardCharsets.ISO_8859_1));
            }
            default -> throw new RfbException("The VNC server sent message type " + type + ", which RFB does not define.",
                    "The stream is corrupt or the server speaks an extension Duovirt did not ask for; reconnect.");
        }
    }

    private void framebufferUpdate() {
        in.skip(1);
        int count = in.u16();
        boolean resized = false;
        for (int i = 0; i < count; i++) {
            int x = in.u16();
            int y = in.u16();
            int w = in.u16();
            int h = in.u16();
            int encoding = in.s32();
            if (encoding == Encodings.LAST_RECT) {
                break;
            }
            resized |= rectangle(x, y, w, h, encoding);
        }
        listener.frameComplete();
        if (resized) {
            requestFullUpdate();
        } else if (continuous) {
            out.updateRequest(true, 0, 0, fb.width(), fb.height());
        }
    }

    /** @return true when the screen changed size */
    private boolean rectangle(int x, int y, int w, int h, int encoding) {
        switch (encoding) {
            case Encodings.RAW, Encodings.COPY_RECT, Encodings.ZRLE -> pixels(x, y, w, h, encoding);
            case Encodings.DESKTOP_SIZE -> {
                return resize(w, h);
            }
            case Encodings.EXTENDED_DESKTOP_SIZE -> {
                int screens = in.u8();
                in.skip(3 + 16 * screens);
                return y == 0 && resize(w, h); // y is the status: non-zero answers a resize request we never make
            }
            case Encodings.CURSOR -> listener.cursor(raw.cursor(in, x, y, w, h));
            case Encodings.QEMU_EXTENDED_KEY_EVENT -> extendedKeys = true;
            case Encodings.QEMU_POINTER_MOTION_CHANGE -> listener.pointerMode(x == 1);
            case Encodings.LED_STATE -> listener.leds(in.u8());
            default -> throw new RfbException("The VNC server sent a rectangle in encoding " + encoding
                    + ", which Duovirt did not ask for.", "The server does not follow RFB; reconnect or use another viewer.");
        }
        return false;
    }

    private void pixels(int x, int y, int w, int h, int encoding) {
        synchronized (fb) {
            fb.check(x, y, w, h);
            switch (encoding) {
                case Encodings.RAW -> {
                    raw.decode(in, fb, x, y, w, h);
                    rectangles[0]++;
                }
                case Encodings.COPY_RECT -> {
                    fb.copy(in.u16(), in.u16(), x, y, w, h);
                    rectangles[1]++;
                }
                default -> {
                    zrle.decode(in, fb, x, y, w, h);
                    rectangles[2]++;
                }
            }
        }
        listener.updated(x, y, w, h);
    }

    /** QEMU answers every full-screen request with an ExtendedDesktopSize of the same size: not a resize. */
    private boolean resize(int w, int h) {
        if (w == fb.width() && h == fb.height()) {
            return false;
        }
        fb.resize(w, h);
        listener.resized(w, h);
        return true;
    }
}
