package org.duovirt.app.details;

import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.Commands;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on qemu:///system for the details pages' ITs: opened at 1400×900 over a fresh home, the
 * details of a VM opened, its hardware list read; virsh for the checks and for removing the test's domains.
 */
final class LibvirtWindow {
    static final String URI = "qemu:///system";
    static final Duration WAIT = Duration.ofSeconds(60);

    private LibvirtWindow() {
    }

    static MainWindow open(Stage stage, Path home) throws java.io.IOException {
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        MainWindow window = UiTestSupport.open(stage, dirs);
        onFx(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
            return null;
        });
        return window;
    }

    static void hide(MainWindow window) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

    /** Forces off and undefines each named domain that exists; failures (already gone) are ignored. */
    static void remove(String... domains) {
        for (String name : domains) {
            Commands.run(List.of("virsh", "-c", URI, "destroy", name), Duration.ofMinutes(1));
            Commands.run(List.of("virsh", "-c", URI, "undefine", name), Duration.ofMinutes(1));
        }
    }

    @SuppressWarnings("unchecked")
    static List<HardwareEntry> entries(FxRobot robot, String tab) {
        return robot.lookup(tab + " #hw-list").tryQueryAs(ListView.class)
                .map(l -> List.copyOf(((ListView<HardwareEntry>) l).getItems())).orElse(List.of());
    }

    static void openDetails(FxRobot robot, MainWindow window, String vm) {
        waitUntil("the VM listed", WAIT, () -> onFx(() -> window.view().table().getItems().stream()
                .anyMatch(r -> r.name().equals(vm) && r.state() != null)));
        robot.interact(() -> {
            var table = window.view().table();
            VmRow row = table.getItems().stream().filter(r -> r.name().equals(vm)).findFirst().orElseThrow();
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
        });
        UiTestSupport.click(robot, "#tool-details");
    }
}
