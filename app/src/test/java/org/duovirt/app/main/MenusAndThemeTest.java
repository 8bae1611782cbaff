package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.UiSettingsStore;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Menus show every action with its shortcut (and no New VM yet); shortcuts work; the theme is remembered. */
@ExtendWith(ApplicationExtension.class)
class MenusAndThemeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private AppDirs dirs;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dirs = UiTestSupport.tempDirs(home.resolve("menus-" + System.nanoTime()),
                List.of(new ConnectionConfig(UiTestSupport.mixedFixtureUri(), "lab", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    private List<MenuItem> allItems(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> flatten(m)).toList();
    }

    private static Stream<MenuItem> flatten(MenuItem item) {
        return item instanceof Menu m ? Stream.concat(Stream.of(item), m.getItems().stream().flatMap(MenuItemsHolder::flat)) : Stream.of(item);
    }

    /** Recursion helper (a static method reference keeps the stream readable). */
    private static final class MenuItemsHolder {
        static Stream<MenuItem> flat(MenuItem i) {
            return flatten(i);
        }
    }

    @Test
    void everyVmActionIsInTheMenuWithItsShortcutAndNewVmHasCtrlN(FxRobot robot) {
        List<MenuItem> items = allItems(robot);
        for (VmAction a : VmAction.values()) {
            assertThat(items).as(a.name()).anyMatch(i -> ("menu-" + a.name().toLowerCase().replace('_', '-')).equals(i.getId())
                    && Shortcuts.of(a).equals(i.getAccelerator()));
        }
        assertThat(items).anyMatch(i -> "menu-new-vm".equals(i.getId()) && "New VM".equals(i.getText())
                && Shortcuts.NEW_VM.equals(i.getAccelerator()));
        assertThat(items).anyMatch(i -> Shortcuts.ADD_CONNECTION.equals(i.getAccelerator()));
    }

    @Test
    void keyboardShortcutsRunActionsOnTheSelection(FxRobot robot) {
        waitUntil("fixture listed", WAIT, () -> visibleNames(robot).contains("mail-gateway"));
        robot.interact(() -> {
            var table = window.view().table();
            table.getSelectionModel().select(UiTestSupport.row(robot, "mail-gateway"));
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("paused by Ctrl+Shift+P", WAIT, () -> "Paused".equals(MainWindowTest.cellText(robot, "mail-gateway")));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.U).release(KeyCode.U, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("resumed by Ctrl+Shift+U", WAIT, () -> "Running".equals(MainWindowTest.cellText(robot, "mail-gateway")));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil("Ctrl+F focuses the filter", WAIT, () -> robot.lookup("#filter").query().isFocused());
        robot.write("gateway");
        waitUntil("Ctrl+F focused the filter", WAIT, () -> visibleNames(robot).equals(List.of("mail-gateway")));
    }

    @Test
    void windowSizeAndSplitPositionAreRememberedOnClose(FxRobot robot) {
        robot.interact(() -> {
            window.view().split().setDividerPositions(0.31);
            window.view().getScene().getWindow().setWidth(1111);
            window.view().getScene().getWindow().hide();
        });
        var saved = new UiSettingsStore(dirs.config()).load();
        assertThat(saved.treeDivider()).isCloseTo(0.31, org.assertj.core.data.Offset.offset(0.01));
        assertThat(saved.width()).isEqualTo(1111);
    }

    @Test
    void darkThemeFromTheViewMenuIsAppliedAndRemembered(FxRobot robot) {
        UiTestSupport.click(robot, "View");
        UiTestSupport.click(robot, "#menu-dark-theme");
        assertThat(window.view().getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        assertThat(new UiSettingsStore(dirs.config()).load().dark()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(window.view().getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));
        assertThat(new UiSettingsStore(dirs.config()).load().dark()).isFalse();
    }
}
