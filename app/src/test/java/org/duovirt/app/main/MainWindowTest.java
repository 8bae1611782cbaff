package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.stateText;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on libvirt's test driver (test:///default): listing and lifecycle from the toolbar. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("main-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void tableListsTheDemoDomain(FxRobot robot) {
        waitUntil("the demo domain 'test' is listed", WAIT, () -> visibleNames(robot).contains("test"));
        assertThat(stateText(robot, "test")).isIn("Running", "Paused", "Shut off");
        assertThat(robot.lookup("#status-hosts").queryLabeled().getText()).contains("1 connected");
    }

    @Test
    void pauseResumeAndShutDownFromTheToolbarChangeTheStateColumn(FxRobot robot) {
        waitUntil("the demo domain 'test' is listed", WAIT, () -> visibleNames(robot).contains("test"));
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        if (!"Running".equals(stateText(robot, "test"))) {
            UiTestSupport.click(robot, robot.lookup("#vm-table").lookup(".table-cell").match(c -> "test".equals(((javafx.scene.control.TableCell<?, ?>) c).getText())).queryAs(javafx.scene.Node.class));
            UiTestSupport.click(robot, "#tool-start");
            waitUntil("test is running", WAIT, () -> "Running".equals(stateText(robot, "test")));
        }
        UiTestSupport.click(robot, robot.lookup(".table-cell").match(c -> "test".equals(((javafx.scene.control.TableCell<?, ?>) c).getText())).queryAs(javafx.scene.Node.class));
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(VmRow::name).containsExactly("test");

        UiTestSupport.click(robot, "#tool-pause");
        waitUntil("state column says Paused", WAIT, () -> "Paused".equals(cellText(robot, "test")));
        assertThat(robot.lookup("#tool-pause").queryButton().isDisabled()).isTrue();

        UiTestSupport.click(robot, "#tool-resume");
        waitUntil("state column says Running", WAIT, () -> "Running".equals(cellText(robot, "test")));

        UiTestSupport.click(robot, "#tool-shutdown");
        waitUntil("state column says Shut off", WAIT, () -> "Shut off".equals(cellText(robot, "test")));
        assertThat(robot.lookup("#tool-start").queryButton().isDisabled()).isFalse();

        // Leave the shared test:///default driver as we found it.
        UiTestSupport.click(robot, "#tool-start");
        waitUntil("state column says Running again", WAIT, () -> "Running".equals(cellText(robot, "test")));
    }

    /** The text the state cell of a VM's row shows, read from the rendered cells. */
    static String cellText(FxRobot robot, String vm) {
        return UiTestSupport.onFx(() -> robot.lookup("#vm-table .table-row-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableRow<?>) n)
                .filter(r -> r.getItem() instanceof VmRow v && v.name().equals(vm))
                .findFirst()
                .map(r -> r.lookupAll(".table-cell").stream().map(c -> ((javafx.scene.control.TableCell<?, ?>) c))
                        .filter(c -> "col-state".equals(c.getTableColumn().getId())).findFirst().map(c -> c.getText()).orElse(null))
                .orElse(null));
    }
}
