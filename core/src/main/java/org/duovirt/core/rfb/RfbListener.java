package org.duovirt.core.rfb;

/**
 * What the server tells a viewer. Called on the client's reading thread, never on a UI thread: a viewer
 * hands the work to its own thread.
 */
public interface RfbListener {
    /** The screen changed size; the framebuffer already has the new size (and is black). */
    default void resized(int width, int height) {
    }

    /** Pixels in this rectangle changed. */
    default void updated(int x, int y, int width, int height) {
    }

    /** One FramebufferUpdate message was fully applied. */
    default void frameComplete() {
    }

    /** The guest's pointer shape; null hides it. */
    default void cursor(CursorShape shape) {
    }

    /** Keyboard LEDs: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    default void leds(int state) {
    }

    /** The server asks for absolute (tablet) or relative (mouse) pointer events. */
    default void pointerMode(boolean absolute) {
    }

    default void bell() {
    }

    /** The guest's clipboard text (Latin-1, as RFB carries it). */
    default void serverText(String text) {
    }
}
