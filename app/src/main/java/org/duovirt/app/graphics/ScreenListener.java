package org.duovirt.app.graphics;

import org.duovirt.core.rfb.Framebuffer;
import org.duovirt.core.rfb.RfbListener;

/** Copies each finished update into the screen buffer and tells the view; runs on the reading thread. */
final class ScreenListener implements RfbListener {
    private final ScreenBuffer screen;
    private final Runnable onFrame;
    private Framebuffer fb;

    ScreenListener(ScreenBuffer screen, Runnable onFrame) {
        this.screen = screen;
        this.onFrame = onFrame;
    }

    void attach(Framebuffer framebuffer) {
        this.fb = framebuffer;
    }

    @Override
    public void resized(int width, int height) {
        screen.changed(0, 0, width, height);
    }

    @Override
    public void updated(int x, int y, int width, int height) {
        screen.changed(x, y, width, height);
    }

    @Override
    public void frameComplete() {
        if (fb != null) {
            screen.publish(fb);
            onFrame.run();
        }
    }
}
