package org.duovirt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.core.spi.Backends;

/** The real main window for a bench: one host in a throw-away home, a VM selected and a toolbar button pressed. */
final class BenchWindow {
    private BenchWindow() {
    }

    /** Starts JavaFX, opens the window on {@code uri}, selects {@code vm} and fires the toolbar button {@code toolId}. */
    static MainWindow openOn(String uri, String vm, String toolId) throws Exception {
        Path home = Files.createTempDirectory("duovirt-bench");
        AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("state"));
        Files.createDirectories(dirs.config());
        new ConnectionStore(dirs.config()).save(List.of(new ConnectionConfig(uri, null, true)));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Backends backends = Backends.installed();
        MainWindow window = Fx.call(() -> MainWindow.open(new Stage(), dirs, Connector.of(backends),
                () -> DefaultConnection.open(backends, Duration.ofSeconds(3)), Timeouts.standard()));
        VmRow row = Fx.await("the VM in the table", () -> window.view().table().getItems().stream()
                .filter(r -> r.name().equals(vm)).findFirst().orElse(null));
        Fx.call(() -> {
            window.view().table().getSelectionModel().clearSelection();
            window.view().table().getSelectionModel().select(row);
            ((Button) window.view().lookup("#" + toolId)).fire();
            return null;
        });
        return window;
    }
}
