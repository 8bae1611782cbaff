package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.graphics.GraphicsConsoleView;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The one-click switch between a VM's graphical and text consoles, in the real window on the real libvirtd:
 * the tiny VNC guest (its VGA keyboard's lines echoed on its serial port) is shown on its screen tab,
 * Ctrl+Shift+X opens its text console, the button there goes back to the same screen, still connected; a
 * line typed on the screen then shows up in the text console, which stayed open meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleSwitchIT {
    private static final String PREFIX = "con-switch-";
    private static final String VM = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Duration WAIT = Duration.ofMinutes(2);
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void boot() throws Exception {
        VncGuest.cleanUp(PREFIX);
        VncGuest.start(VM, null);
        VncGuest.awaitStillScreen(VM, Duration.ofMinutes(3));
    }

    @AfterAll
    static void tidy() {
        VncGuest.cleanUp(PREFIX);
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("switch-" + System.nanoTime()),
                List.of(new ConnectionConfig(VncGuest.URI, null, true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void switchesFromTheScreenToTheTextConsoleAndBackWithoutClosingEither(FxRobot robot) {
        waitUntil("connected", WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        select(robot, VM);
        UiTestSupport.click(robot, "#tool-graphics");
        GraphicsConsoleView screen = robot.lookup("#graphics-" + VM).queryAs(GraphicsConsoleView.class);
        waitUntil("the guest's screen in its tab", WAIT, () -> screen.picture() != null && !placeholderShown(robot));
        Tab screenTab = selectedTab(robot);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X);
        waitUntil("the text console tab selected", WAIT, () -> selectedTab(robot).getContent() instanceof ConsoleView);
        Tab textTab = selectedTab(robot);
        ConsoleView text = (ConsoleView) textTab.getContent();
        waitUntil("the text console attached", WAIT, () -> robot.lookup("#console-status").queryLabeled().getText().startsWith("Attached"));
        assertThat(onFx(() -> tabs(robot).getTabs())).as("the screen tab stays open").contains(screenTab, textTab);
        assertThat(onFx(() -> screen.picture() != null && !placeholderShown(robot))).as("the screen stays connected").isTrue();

        UiTestSupport.click(robot, "#console-switch-console");
        waitUntil("back on the same screen tab", WAIT, () -> selectedTab(robot) == screenTab);
        assertThat(onFx(() -> tabs(robot).getTabs())).contains(textTab);
        assertThat(onFx(() -> robot.lookup("#graphics-" + VM).queryAs(GraphicsConsoleView.class))).isSameAs(screen);

        // Type a line on the guest's VGA keyboard; the guest echoes it to the serial line the text tab reads.
        String word = "switched" + (System.nanoTime() % 1000);
        UiTestSupport.click(robot, "#graphics-image");
        for (char c : word.toCharArray()) {
            robot.type(Character.isDigit(c) ? KeyCode.valueOf("DIGIT" + c) : KeyCode.valueOf(String.valueOf(c).toUpperCase()));
        }
        robot.type(KeyCode.ENTER);
        robot.push(KeyCode.CONTROL, KeyCode.ALT); // releases the keyboard grab, so the shortcut reaches the window
        waitUntil("the keyboard released", WAIT, () -> robot.lookup("#graphics-hint").queryLabeled().getText().startsWith("Click"));

        // The same switch from the tab's context menu.
        robot.interact(() -> screenTab.getContextMenu().getItems().stream()
                .filter(i -> "tab-menu-switch-console".equals(i.getId())).findFirst().ifPresent(MenuItem::fire));
        waitUntil("the text console selected again", WAIT, () -> selectedTab(robot) == textTab);
        waitUntil("the guest's echo of the line typed on its screen", WAIT, () -> onFx(text::text).contains("vnc guest heard: " + word));
        assertThat(onFx(() -> tabs(robot).getTabs())).contains(screenTab);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X);
        waitUntil("the shortcut works from the terminal too", WAIT, () -> selectedTab(robot) == screenTab);

        // Detached to its own window, the screen still switches: the text tab comes up in the main window.
        UiTestSupport.click(robot, "#graphics-detach");
        waitUntil("the screen in its own window", WAIT, () -> screen.getScene() != window.view().getScene());
        robot.interact(() -> screen.getScene().getWindow().requestFocus());
        UiTestSupport.click(robot, "#graphics-status");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.X);
        waitUntil("the text tab selected from the detached screen", WAIT, () -> selectedTab(robot) == textTab);

        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        assertThat(onFx(text::isDisposed)).as("the text console's terminal was disposed with the window").isTrue();
    }

    private static boolean placeholderShown(FxRobot robot) {
        return robot.lookup("#graphics-placeholder").query().isVisible();
    }

    private static TabPane tabs(FxRobot robot) {
        return robot.lookup("#center-tabs").queryAs(TabPane.class);
    }

    private static Tab selectedTab(FxRobot robot) {
        return onFx(() -> tabs(robot).getSelectionModel().getSelectedItem());
    }

    private static void select(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class).setText(name));
        UiTestSupport.clickVmRow(robot, name, WAIT);
    }
}
