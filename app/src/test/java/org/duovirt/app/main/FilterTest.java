package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** The filter box on two test-driver hosts: substring of name, state word, host name; several words narrow. */
@ExtendWith(ApplicationExtension.class)
class FilterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("filter-" + System.nanoTime()), List.of(
                new ConnectionConfig(UiTestSupport.mixedFixtureUri(), "lab-kvm", true),
                new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void filterMatchesNameSubstringStateAndHost(FxRobot robot) {
        waitUntil("ten VMs from two hosts", WAIT, () -> visibleNames(robot).size() == 10);

        UiTestSupport.click(robot, "#filter").write("replica");
        waitUntil("substring match", WAIT, () -> visibleNames(robot).equals(List.of("db-replica")));

        replace(robot, "paused");
        waitUntil("state match", WAIT, () -> visibleNames(robot).equals(List.of("db-replica", "legacy-erp")));

        replace(robot, "demo");
        waitUntil("host match", WAIT, () -> visibleNames(robot).equals(List.of("test")));

        replace(robot, "FRONT running 02");
        waitUntil("every word must match, any case", WAIT, () -> visibleNames(robot).equals(List.of("web-frontend-02")));

        replace(robot, "shut");
        waitUntil("shut off VMs", WAIT, () -> visibleNames(robot).equals(List.of("build-runner", "ci-cache")));

        replace(robot, "zzz-nothing");
        waitUntil("nothing matches", WAIT, () -> visibleNames(robot).isEmpty());
        javafx.scene.control.TableView<?> table = robot.lookup("#vm-table").queryTableView();
        assertThat(UiTestSupport.onFx(() -> ((javafx.scene.control.Label) table.getPlaceholder()).getText()))
                .isEqualTo("No virtual machines match.");

        replace(robot, "");
        waitUntil("cleared filter shows all", WAIT, () -> visibleNames(robot).size() == 10);
        assertThat(visibleNames(robot)).contains("test", "monitoring");
    }

    private static void replace(FxRobot robot, String text) {
        robot.interact(() -> robot.lookup("#filter").queryTextInputControl().clear());
        if (!text.isEmpty()) {
            UiTestSupport.click(robot, "#filter").write(text);
        }
    }
}
