package org.duovirt.app.details;

import static org.duovirt.app.ui.ShotWindow.await;
import static org.duovirt.app.ui.ShotWindow.fx;
import static org.duovirt.app.ui.ShotWindow.fxGet;
import static org.duovirt.app.ui.ShotWindow.lookup;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.ShotWindow;

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
        MainWindow window = ShotWindow.openWithSelected(dirs, vm);
        TableView<VmRow> table = fxGet(() -> lookup(window, "#vm-table"));
        fx(() -> {
            ((ButtonBase) lookup(window, "#tool-details")).fire();
        });
        await(() -> fxGet(() -> lookup(window, "#details-" + vm) instanceof HardwareView h
                && ((javafx.scene.control.ListView<?>) h.lookup("#hw-list")).getItems().size() > 4));
        HardwareView view = fxGet(() -> lookup(window, "#details-" + vm));
        for (int i = 4; i < args.length; i++) {
            String page = args[i];
            fx(() -> {
                if (page.equals("definition")) {
                    VmRow row = table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().orElseThrow();
                    window.model().openVmTab(row, "definition");
                } else if (page.equals("coloured") || page.equals("edit")) {
                    var tabs = (javafx.scene.control.TabPane) lookup(window, "#definition-editor .tab-pane");
                    tabs.getSelectionModel().select(page.equals("coloured") ? 1 : 0);
                } else if (page.equals("diff")) {
                    var text = (javafx.scene.control.TextArea) lookup(window, "#definition-text");
                    text.setText(text.getText().replaceFirst("<vcpu([^>]*)>\\d+</vcpu>", "<vcpu$1>3</vcpu>")
                            .replaceFirst("(<on_crash>)[a-z-]+(</on_crash>)", "$1restart$2"));
                    ((ButtonBase) lookup(window, "#definition-show")).fire();
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
}
