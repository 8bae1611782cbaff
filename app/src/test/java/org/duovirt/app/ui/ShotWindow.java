package org.duovirt.app.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
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
 * The real main window for the screenshot programs the docs/screenshots capture scripts run (real Glass
 * toolkit under Xvfb, not TestFX): opened on the given directories, with one VM selected, and the calls those
 * programs make from their own (non-FX) thread.
 */
public final class ShotWindow {
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private ShotWindow() {
    }

    /** Starts JavaFX, opens the window and selects {@code vm} once the table lists it. */
    public static MainWindow openWithSelected(AppDirs dirs, String vm) throws InterruptedException {
        Backends backends = Backends.installed();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        MainWindow window = fxGet(() -> MainWindow.open(new Stage(), dirs, Connector.of(backends),
                () -> DefaultConnection.open(backends, Duration.ofSeconds(3)), Timeouts.standard()));
        TableView<VmRow> table = fxGet(() -> lookup(window, "#vm-table"));
        await(() -> fxGet(() -> table.getItems().stream().anyMatch(r -> r.name().equals(vm) && r.state() != null)));
        fx(() -> {
            table.getSelectionModel().clearSelection();
            table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
        });
        return window;
    }

    @SuppressWarnings("unchecked")
    public static <T extends Node> T lookup(MainWindow w, String query) {
        return (T) w.view().getScene().getRoot().lookup(query);
    }

    public static <T extends Node> T awaitNode(MainWindow w, String query) throws InterruptedException {
        await(() -> fxGet(() -> lookup(w, query) != null));
        return fxGet(() -> lookup(w, query));
    }

    /** Polls from this (non-FX) thread: the conditions read FX state through {@link #fxGet} themselves. */
    public static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
    }

    public static void fx(Runnable action) {
        fxGet(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T fxGet(Callable<T> read) {
        FutureTask<T> task = new FutureTask<>(read);
        Platform.runLater(task);
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
