package org.duovirt.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Real X key events through the XTEST extension on a display connection of its own: the same events xdotool
 * sends, without starting a process per key, so a timed key costs well under a millisecond before the server has it.
 */
final class XTestKeys implements AutoCloseable {
    private static final long XK_RETURN = 0xff0d;

    private interface X11 extends Library {
        Pointer XOpenDisplay(String name);

        byte XKeysymToKeycode(Pointer display, NativeLong keysym);

        int XFlush(Pointer display);

        int XCloseDisplay(Pointer display);
    }

    private interface XTest extends Library {
        int XTestFakeKeyEvent(Pointer display, int keycode, int isPress, NativeLong delay);
    }

    private final X11 x11 = Native.load("X11", X11.class);
    private final XTest xtest = Native.load("Xtst", XTest.class);
    private final Pointer display;
    private final int returnKey;

    XTestKeys() {
        display = x11.XOpenDisplay(null);
        if (display == null) {
            throw new IllegalStateException("cannot open the X display " + System.getenv("DISPLAY"));
        }
        returnKey = Byte.toUnsignedInt(x11.XKeysymToKeycode(display, new NativeLong(XK_RETURN)));
    }

    /** Presses and releases Enter in the focused window; returns once the events are on their way to the server. */
    void enter() {
        xtest.XTestFakeKeyEvent(display, returnKey, 1, new NativeLong(0));
        xtest.XTestFakeKeyEvent(display, returnKey, 0, new NativeLong(0));
        x11.XFlush(display);
    }

    @Override
    public void close() {
        x11.XCloseDisplay(display);
    }
}
