package org.duovirt.app;

import java.time.Duration;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.LogSetup;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.main.MainWindow;

/** The JavaFX application: logging, then the main window over the installed backends. */
public final class DuovirtApp extends Application {
    private static final Logger LOG = Logger.getLogger(DuovirtApp.class.getName());
    private volatile EarlyConnections early;

    /**
     * Hosts start opening here, while start() builds the window. Not earlier: libvirt's event loop iterates
     * GLib's default main context, which GTK's thread must own first, or JavaFX's events run on libvirt's
     * thread (seen: "Not on FX application thread; currentThread = libvirt-event-loop").
     */
    @Override
    public void init() {
        early = EarlyConnections.begin(AppDirs.fromEnvironment());
    }

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.fromEnvironment();
        dirs.secure();
        LogSetup.install(dirs);
        LOG.info(() -> "Duovirt starting; config in " + dirs.config() + ", language " + Messages.chosenLocale());
        EarlyConnections connections = early != null ? early : EarlyConnections.begin(dirs);
        MainWindow.open(stage, dirs, connections,
                () -> DefaultConnection.open(connections.backends(), Duration.ofSeconds(5)), Timeouts.standard());
    }
}
