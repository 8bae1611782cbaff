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
    /** Set by {@link DesktopLauncher} before the toolkit starts; null when launched some other way. */
    static volatile EarlyConnections early;

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.fromEnvironment();
        LogSetup.install(dirs);
        LOG.info(() -> "Duovirt starting; config in " + dirs.config() + ", language " + Messages.chosenLocale());
        EarlyConnections connections = early != null ? early : EarlyConnections.begin(dirs);
        MainWindow.open(stage, dirs, connections,
                () -> DefaultConnection.open(connections.backends(), Duration.ofSeconds(5)), Timeouts.standard());
    }
}
