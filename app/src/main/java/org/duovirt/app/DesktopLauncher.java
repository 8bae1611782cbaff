package org.duovirt.app;

import javafx.application.Application;

/** Starts the JavaFX desktop application. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        Application.launch(DuovirtApp.class);
    }
}
