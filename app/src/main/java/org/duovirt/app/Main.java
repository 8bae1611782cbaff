package org.duovirt.app;

import org.duovirt.cli.Cli;

/**
 * Entry point of {@code bin/duovirt}: with no arguments the desktop app, with arguments the CLI.
 * Not a JavaFX Application subclass, so JavaFX can stay on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopLauncher.launch();
        } else {
            System.exit(Cli.run(args));
        }
    }
}
