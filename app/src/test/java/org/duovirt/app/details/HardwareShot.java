package org.duovirt.app.details;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
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
 * Opens the real main window (under Xvfb, real Glass toolkit), opens one VM's details and shows the
 * hardware list's pages one after the other, so docs/screenshots/capture-hardware.sh can take a picture of
 * each: for page N it writes MARKERS/N.ready and waits for MARKERS/N.done. A page id "add" opens Add Hardware; "definition" opens the definition editor, "coloured"/"edit" pick its
 * tab, "diff" edits two lines and shows the diff; "graphics" picks the first entry whose id starts with "graphics:".
 * Arguments: CONFIG_DIR STATE_DIR VM MARKERS PAGE-ID...
 */
public final class HardwareShot {
    private HardwareShot() {
    }

    public static void main(String[] args) throws Exception {
        AppDirs dirs = new AppDirs(Path.of(args[0]), Path.of(args[1]));
        String vm = args[2];
        Path markers = Path.of(args[3]);
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
            ((ButtonBase) lookup(window[0], "#tool-details")).fire();
        });
        await(() -> fxGet(() -> lookup(window[0], "#details-" + vm) instanceof HardwareView h
                && ((javafx.scene.control.ListView<?>) h.lookup("#hw-list")).getItems().size() > 4));
        HardwareView view = fxGet(() -> lookup(window[0], "#details-" + vm));
        for (int i = 4; i < args.length; i++) {
            String page = args[i];
            fx(() -> {
                if (page.equals("definition")) {
                    VmRow row = table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().orElseThrow();
                    window[0].model().openVmTab(row, "definition");
                } else if (page.equals("coloured") || page.equals("edit")) {
                    var tabs = (javafx.scene.control.TabPane) lookup(window[0], "#definition-editor .tab-pane");
                    tabs.getSelectionModel().select(page.equals("coloured") ? 1 : 0);
                } else if (page.equals("diff")) {
                    var text = (javafx.scene.control.TextArea) lookup(window[0], "#definition-text");
                    text.setText(text.getText().replaceFirst("<vcpu([^>]*)>\\d+</vcpu>", "<vcpu$1>3</vcpu>")
                            .replaceFirst("(<on_crash>)[a-z-]+(</on_crash>)", "$1restart$2"));
                    ((ButtonBase) lookup(window[0], "#definition-show")).fire();
                } else if (page.equals("add")) {
                    ((ButtonBase) view.lookup("#hw-add")).fire();
                } else {
                    @SuppressWarnings("unchecked")
                    var list = (javafx.scene.control.ListView<HardwareEntry>) view.lookup("#hw-list");
                    list.getItems().stream().filter(e -> e.id().equals(page) || e.id().startsWith(page + ":")).findFirst().ifPresent(e -> list.getSelectionModel().select(e));
                }
            });
            Thread.sleep(2500);
            Path done = markers.resolve((i - 3) + ".done");
            Files.writeString(markers.resolve((i - 3) + ".ready"), page + "\n");
            await(() -> Files.exists(done));
        }
        Platform.exit();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T lookup(MainWindow w, String query) {
        return (T) w.view().getScene().getRoot().lookup(query);
    }

    /** Polls from this (non-FX) thread: the conditions read FX state through {@link #fxGet} themselves. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HardwareShot: timed out");
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
        return org.duovirt.app.ui.UiTestSupport.onFx(read);
    }
}
