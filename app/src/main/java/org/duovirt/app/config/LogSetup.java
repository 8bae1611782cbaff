package org.duovirt.app.config;

import java.io.IOException;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends java.util.logging of org.duovirt to $XDG_STATE_HOME/duovirt/duovirt.log (appended; started afresh past 5 MB). */
public final class LogSetup {
    private LogSetup() {
    }

    /**
     * For a CLI run: {@code logger}'s records go to the log file only (the CLI says the same on stderr itself, once).
     * Only called when there is something to log, so a plain command opens no log file.
     */
    public static void fileOnly(AppDirs dirs, String logger) {
        Logger l = Logger.getLogger(logger);
        l.setUseParentHandlers(false);
        install(dirs);
        for (java.util.logging.Handler h : Logger.getLogger("org.duovirt").getHandlers()) {
            l.addHandler(h);
        }
    }

    public static void install(AppDirs dirs) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        try {
            PrivateFiles.directory(dirs.state());
            java.nio.file.Path log = dirs.state().resolve("duovirt.log");
            FileHandler handler = new FileHandler(log.toString().replace("%", "%%"), 5_000_000, 1, true);
            // FileHandler creates the file with the process umask (0644): the log names hosts and users.
            PrivateFiles.restrict(log);
            handler.setFormatter(new SimpleFormatter());
            Logger root = Logger.getLogger("org.duovirt");
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            Logger.getLogger(LogSetup.class.getName()).log(Level.WARNING, "No log file in " + dirs.state(), e);
        }
    }
}
