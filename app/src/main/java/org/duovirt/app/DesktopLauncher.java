package org.duovirt.app;

import javafx.application.Application;
import org.duovirt.app.config.AppDirs;

/** Starts the JavaFX desktop application. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        // Hosts start opening now, in parallel with the toolkit's start and the window's construction.
        DuovirtApp.early = EarlyConnections.begin(AppDirs.fromEnvironment());
        Application.launch(DuovirtApp.class);
    }
}
