package org.duovirt.app.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Delete from the toolbar on test:///default: the dialog lists the VM's storage with the owned volume
 * unchecked, Cancel keeps the VM, Delete removes it and the table follows the host's event.
 */
@ExtendWith(ApplicationExtension.class)
class DeleteDialogTest {
    private static final String VM = "dvt-ui-delete";
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private MainWindow window;
    private HostConnection side;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("delete-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        if (side != null) {
            if (side.listVms(true).stream().anyMatch(v -> v.name().equals(VM))) {
                side.delete(VM, true);
            }
            side.close();
        }
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    /** Shows the VM table tab and clicks the VM's name cell. */
    private static void select(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#center-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0));
        UiTestSupport.clickVmRow(robot, name, WAIT);
    }

    @Test
    void deleteListsStorageUncheckedAndRemovesTheVm(FxRobot robot) {
        waitUntil("demo host listed", WAIT, () -> visibleNames(robot).contains("test"));
        // The window's connection keeps test:///default's shared state alive; a second one defines the VM.
        side = UiTestSupport.BACKENDS.connect("test:///default");
        VmSummary created = side.create(new VmSpec(VM, 128, 1, new VmSpec.Storage.NewDisk(0.1, "default-pool"),
                null, null, null, null, null, null), ProgressListener.NONE);
        waitUntil("the new VM appears by event", WAIT, () -> visibleNames(robot).contains(created.name()));

        select(robot, "test");
        assertThat(UiTestSupport.stateText(robot, "test")).isEqualTo("Running");
        assertThat(robot.lookup("#tool-delete").queryButton().isDisabled()).as("a running VM cannot be deleted").isTrue();

        select(robot, VM);
        UiTestSupport.click(robot, "#tool-delete");
        waitUntil("delete dialog open", WAIT, () -> robot.lookup("#delete-dialog").tryQuery().isPresent());
        CheckBox storage = robot.lookup("#delete-storage").queryAs(CheckBox.class);
        assertThat(storage.isSelected()).as("owned storage starts unchecked").isFalse();
        assertThat(robot.lookup("#delete-storage-list .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .anyMatch(t -> t.startsWith("vda: ") && t.contains(VM))
                .contains("kept");
        assertThat(robot.lookup("#delete-summary").queryLabeled().getText()).contains("its storage stays on the host");
        UiTestSupport.click(robot, "Cancel");
        assertThat(visibleNames(robot)).contains(VM);

        UiTestSupport.click(robot, "#tool-delete");
        waitUntil("delete dialog open again", WAIT, () -> robot.lookup("#delete-dialog").tryQuery().isPresent());
        UiTestSupport.click(robot, "#delete-storage");
        assertThat(robot.lookup("#delete-storage-list .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("will be deleted");
        UiTestSupport.click(robot, robot.lookup("#delete-dialog .button").match(b -> "Delete".equals(((javafx.scene.control.Button) b).getText())).queryButton());
        waitUntil("the VM is gone from the table", WAIT, () -> !visibleNames(robot).contains(VM));
        assertThat(side.listVms(true)).extracting(VmSummary::name).doesNotContain(VM);
    }
}
