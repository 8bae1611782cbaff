package org.duovirt.app.ui;

import javafx.application.Platform;

/** Checks that views change controls only on the JavaFX thread. */
public final class FxThread {
    private FxThread() {
    }

    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("Controls touched off the JavaFX thread: " + Thread.currentThread().getName());
        }
    }
}
