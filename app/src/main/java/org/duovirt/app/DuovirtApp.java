package org.duovirt.app;

import java.time.Duration;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.LogSetup;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.main.MainWindow;
import org.duovirt.core.spi.Backends;

/** The JavaFX application: logging, then the main window over the installed backends. */
public final class DuovirtApp extends Application {
    private static final Logger LOG = Logger.getLogger(DuovirtApp.class.getName());

    @Override
    public void start(Stage stage) {
        AppDirs dirs = AppDirs.fromEnvironment();
        dirs.secure();
        LogSetup.install(dirs);
        LOG.info(() -> "Duovirt starting; config in " + dirs.config() + ", language " + Messages.chosenLocale());
        Backends backends = Backends.installed();
        MainWindow.open(stage, dirs, Connector.of(backends),
                () -> DefaultConnection.open(backends, Duration.ofSeconds(5)), Timeouts.standard());
    }
}
