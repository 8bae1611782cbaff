package org.duovirt.app.pinning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.core.spi.Backends;

/**
 * Opens the real main window (under Xvfb, with the real Glass toolkit), selects one VM, opens its pinning
 * editor through the VM menu, optionally shows a preset and a layer, and writes a marker file when the
 * editor is drawn, so docs/screenshots/capture-pinning.sh can take the picture with {@code import}.
 * Arguments: CONFIG_DIR STATE_DIR VM MARKER [preset-id] [soft].
 */
public final class PinningShot {
    private PinningShot() {
    }

    public static void main(String[] args) throws Exception {
        AppDirs dirs = new AppDirs(Path.of(args[0]), Path.of(args[1]));
        String vm = args[2];
        Path marker = Path.of(args[3]);
        Backends backends = Backends.installed();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainWindow[] window = new MainWindow[1];
        fx(() -> window[0] = MainWindow.open(new Stage(), dirs, Connector.of(backends),
                () -> DefaultConnection.open(backends, Duration.ofSeconds(3)), Timeouts.standard()));
        TableView<VmRow> table = fxGet(() -> lookup(window[0], "#vm-table"));
        await(() -> fxGet(() -> table.getItems().stream().anyMatch(r -> r.name().equals(vm) && r.state() != null)));
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
            MenuBar bar = lookup(window[0], ".menu-bar");
            bar.getMenus().stream().filter(m -> "menu-vm".equals(m.getId())).flatMap(m -> ((Menu) m).getItems().stream())
                    .filter(i -> "menu-pinning".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        PinGrid grid = awaitNode(window[0], "#pin-grid");
        await(() -> fxGet(() -> grid.rowCount() > 0));
        if (args.length > 4 && !args[4].equals("-")) {
            fx(() -> {
                MenuButton presets = lookup(window[0], "#pin-presets");
                for (MenuItem item : presets.getItems()) {
                    if (args[4].equals(item.getId())) {
                        item.fire();
                    }
                }
            });
        }
        if (args.length > 5 && args[5].equals("soft")) {
            fx(() -> ((ButtonBase) lookup(window[0], "#pin-layer-soft")).fire());
        }
        fx(() -> ((ButtonBase) lookup(window[0], "#pin-show-preview")).fire());
        Thread.sleep(4000);
        Files.writeString(marker, "ready\n");
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        Platform.exit();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T lookup(MainWindow w, String query) {
        return (T) w.view().getScene().getRoot().lookup(query);
    }

    private static <T extends Node> T awaitNode(MainWindow w, String query) throws InterruptedException {
        await(() -> fxGet(() -> lookup(w, query) != null));
        return fxGet(() -> lookup(w, query));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PinningShot: timed out");
            }
            Thread.sleep(250);
        }
    }

    private static void fx(Runnable action) {
        fxGet(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T fxGet(java.util.concurrent.Callable<T> read) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
