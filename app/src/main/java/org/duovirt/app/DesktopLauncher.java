package org.duovirt.app;

/** Starts the JavaFX desktop application. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        System.err.println("The desktop UI is not built yet; use a subcommand, e.g. 'duovirt list'.");
        System.exit(2);
    }
}
