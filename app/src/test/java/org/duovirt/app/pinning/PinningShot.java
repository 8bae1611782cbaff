package org.duovirt.app.pinning;

import static org.duovirt.app.ui.ShotWindow.await;
import static org.duovirt.app.ui.ShotWindow.awaitNode;
import static org.duovirt.app.ui.ShotWindow.fx;
import static org.duovirt.app.ui.ShotWindow.fxGet;
import static org.duovirt.app.ui.ShotWindow.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.ShotWindow;

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
        MainWindow window = ShotWindow.openWithSelected(dirs, vm);
        fx(() -> {
            MenuBar bar = lookup(window, ".menu-bar");
            bar.getMenus().stream().filter(m -> "menu-vm".equals(m.getId())).flatMap(m -> ((Menu) m).getItems().stream())
                    .filter(i -> "menu-pinning".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        PinGrid grid = awaitNode(window, "#pin-grid");
        await(() -> fxGet(() -> grid.rowCount() > 0));
        if (args.length > 4 && !args[4].equals("-")) {
            fx(() -> {
                MenuButton presets = lookup(window, "#pin-presets");
                for (MenuItem item : presets.getItems()) {
                    if (args[4].equals(item.getId())) {
                        item.fire();
                    }
                }
            });
        }
        if (args.length > 5 && args[5].equals("soft")) {
            fx(() -> ((ButtonBase) lookup(window, "#pin-layer-soft")).fire());
        }
        fx(() -> ((ButtonBase) lookup(window, "#pin-show-preview")).fire());
        Thread.sleep(4000);
        Files.writeString(marker, "ready\n");
        Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        Platform.exit();
    }
}
