package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The VM table on a fixture shaped like virt-manager's test driver: states named as virt-manager names them
 * (Suspended for pmsuspended, Saved for a managed-save image), and no cell drawn cut ("512…", "Crash…", a long
 * host label) even in a narrow window.
 */
@ExtendWith(ApplicationExtension.class)
class TableFitTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HOST = "Demo (libvirt test driver) — lab rack 7";
    @TempDir
    static Path home;
    private MainWindow window;
    private Stage stage;
    private double width;
    private double height;

    static String fixtureUri() {
        return "test://" + Path.of("src/test/resources/fixtures/states-node.xml").toAbsolutePath();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // TestFX hands every test the same stage: the next test gets it back at the size it had.
        width = stage.getWidth();
        height = stage.getHeight();
        var dirs = UiTestSupport.tempDirs(home.resolve("fit-" + System.nanoTime()),
                List.of(new ConnectionConfig(fixtureUri(), HOST, true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            if (width > 0 && height > 0) {
                stage.setWidth(width);
                stage.setHeight(height);
            }
            window.view().getScene().getWindow().hide();
        }));
    }

    @Test
    void statesAreNamedAsVirtManagerNamesThemAndNoCellIsCut(FxRobot robot) {
        waitUntil("the fixture is listed", WAIT, () -> UiTestSupport.visibleNames(robot).size() == 4);
        assertThat(UiTestSupport.stateText(robot, "state-pmsuspended")).isEqualTo("Suspended");
        assertThat(UiTestSupport.stateText(robot, "state-managed-save")).isEqualTo("Saved");
        assertThat(UiTestSupport.stateText(robot, "state-crashed")).isEqualTo("Crashed");
        // Columns grow to the values they show after the first layout: the table must take that into account
        // without any resize of the window.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> lastColumnReachable(robot))).as("the last column is reachable as first drawn").isTrue();
        for (double width : new double[] {1400, 900, 700}) {
            onFx(() -> {
                stage.setWidth(width);
                stage.setHeight(700);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            waitUntil("the rows are drawn at " + width, WAIT, () -> shown(robot).containsValue("Saved"));
            Map<String, String> cut = onFx(() -> cut(robot));
            assertThat(cut).as("cells drawn cut at a window width of %s", width).isEmpty();
            Map<String, String> drawn = onFx(() -> shown(robot));
            assertThat(drawn.values()).contains("Suspended", "Saved", "Crashed", HOST, "1536 GiB");
            assertThat(onFx(() -> lastColumnReachable(robot))).as("the last column is on screen or scrolls into view at %s", width).isTrue();
        }
    }

    /** The columns fit the table, or the table scrolls sideways: none is pushed out of sight for good. */
    private static boolean lastColumnReachable(FxRobot robot) {
        javafx.scene.control.TableView<?> table = robot.lookup("#vm-table").queryAs(javafx.scene.control.TableView.class);
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getWidth).sum();
        boolean scrolls = table.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible());
        return columns <= table.getWidth() + 2 || scrolls; // the constrained policy rounds to a pixel
    }

    /** Cell text → what it draws, for every non-empty text cell of the table. */
    private static Map<String, String> shown(FxRobot robot) {
        Map<String, String> out = new TreeMap<>();
        for (Node n : robot.lookup("#vm-table .table-cell").queryAll()) {
            TableCell<?, ?> c = (TableCell<?, ?>) n;
            Text t = (Text) c.lookup(".text");
            if (c.getText() != null && !c.getText().isEmpty() && t != null && c.isVisible()) {
                out.put(c.getTableColumn().getId() + ":" + c.getIndex(), t.getText());
            }
        }
        return out;
    }

    private static Map<String, String> cut(FxRobot robot) {
        Map<String, String> out = new TreeMap<>();
        List<Node> cells = new ArrayList<>(robot.lookup("#vm-table .table-cell").queryAll());
        for (Node n : cells) {
            TableCell<?, ?> c = (TableCell<?, ?>) n;
            Text t = (Text) c.lookup(".text");
            if (c.getText() != null && !c.getText().isEmpty() && t != null && !c.getText().equals(t.getText())) {
                out.put(c.getText(), t.getText());
            }
        }
        return out;
    }
}
