package org.duovirt.app.graphics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.duovirt.app.exec.FxTaskExecutor;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Two graphical consoles in tabs, each on a loopback RFB server of its own, and one of a VM that is off. */
@ExtendWith(ApplicationExtension.class)
class GraphicsConsoleViewTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private FakeVncServer red;
    private FakeVncServer blue;
    private GraphicsConsoleViewModel redVm;
    private GraphicsConsoleViewModel blueVm;
    private GraphicsConsoleViewModel offVm;
    private Detacher redDetacher;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        red = new FakeVncServer(320, 200, 0xcc2020);
        blue = new FakeVncServer(640, 480, 0x2040cc);
        ScalingStore store = new ScalingStore(dir.resolve("console-scaling.json"));
        FxTaskExecutor ui = new FxTaskExecutor();
        redVm = new GraphicsConsoleViewModel(ui, "test:///x", "red", red.source(), store);
        blueVm = new GraphicsConsoleViewModel(ui, "test:///x", "blue", blue.source(), store);
        offVm = new GraphicsConsoleViewModel(ui, "test:///x", "off", () -> {
            throw new DuovirtException("VM 'off' is not running, so its graphical console has no port yet.", "Start it.");
        }, store);
        offVm.vmRunning(false);
        TabPane tabs = new TabPane();
        tabs.setId("tabs");
        Tab redTab = tab("red", redVm);
        redDetacher = new Detacher(redTab, (GraphicsConsoleView) redTab.getContent());
        Tab blueTab = tab("blue", blueVm);
        new Detacher(blueTab, (GraphicsConsoleView) blueTab.getContent());
        Tab offTab = tab("off", offVm);
        tabs.getTabs().addAll(redTab, blueTab, offTab);
        Scene scene = new Scene(tabs, 900, 700);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
        redVm.open();
        blueVm.open();
        offVm.open();
    }

    private static Tab tab(String name, GraphicsConsoleViewModel vm) {
        Tab t = new Tab(name, new GraphicsConsoleView(vm));
        t.setId("tab-" + name);
        return t;
    }

    @AfterEach
    void stop() throws Exception {
        redVm.close();
        blueVm.close();
        offVm.close();
        red.close();
        blue.close();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            redDetacher.dispose();
            stage.hide();
        }));
    }

    private static int pixel(FxRobot robot, String vm) {
        return onFx(() -> {
            GraphicsConsoleView v = robot.lookup("#graphics-" + vm).queryAs(GraphicsConsoleView.class);
            return v.picture() == null ? 0 : v.picture().getPixelReader().getArgb(5, 5) & 0xffffff;
        });
    }

    private static void select(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(index));
    }

    @Test
    void eachTabShowsItsOwnGuestScreenAndTheOffVmAPlaceholder(FxRobot robot) {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        select(robot, 1);
        waitUntil("blue screen", WAIT, () -> pixel(robot, "blue") == 0x2040cc);
        assertThat(onFx(() -> (int) robot.lookup("#graphics-blue").queryAs(GraphicsConsoleView.class).picture().getWidth()))
                .isEqualTo(640);
        select(robot, 2);
        waitUntil("placeholder", WAIT, () -> robot.lookup("#graphics-off #graphics-placeholder").queryAs(Label.class)
                .getText().equals("off is off. Its screen appears here when it starts."));
        assertThat(onFx(() -> robot.lookup("#graphics-off #graphics-placeholder").queryAs(Label.class).isVisible())).isTrue();
    }

    @Test
    void sendKeyMenuSendsCtrlAltDelByScancode(FxRobot robot) {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        UiTestSupport.click(robot, "#graphics-red #graphics-send-key");
        UiTestSupport.click(robot, "#send-key-ctrl-alt-del");
        waitUntil("six key events", WAIT, () -> red.keys().size() >= 6);
        assertThat(red.keys()).containsExactly("key 0xffe3 down xt 0x1d", "key 0xffe9 down xt 0x38",
                "key 0xffff down xt 0xd3", "key 0xffff up xt 0xd3", "key 0xffe9 up xt 0x38", "key 0xffe3 up xt 0x1d");
    }

    @Test
    void clickingGrabsTheKeyboardAndCtrlAltReleasesIt(FxRobot robot) {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        String free = onFx(() -> robot.lookup("#graphics-red #graphics-hint").queryAs(Label.class).getText());
        assertThat(free).isEqualTo("Click the screen to send the keyboard to the VM.");
        robot.type(KeyCode.Q);
        UiTestSupport.click(robot, "#graphics-red #graphics-image");
        waitUntil("grabbed", WAIT, () -> redVm.grabbedProperty().get());
        assertThat(onFx(() -> robot.lookup("#graphics-red #graphics-hint").queryAs(Label.class).getText()))
                .contains("Press Ctrl+Alt to release");
        assertThat(red.received).anyMatch(r -> r.startsWith("pointer ") && r.endsWith(" 1"));
        robot.type(KeyCode.A);
        waitUntil("a sent", WAIT, () -> red.keys().contains("key 0x61 up xt 0x1e"));
        assertThat(red.keys()).doesNotContain("key 0x71 down xt 0x10"); // the Q typed before the grab
        robot.press(KeyCode.CONTROL, KeyCode.ALT).release(KeyCode.ALT, KeyCode.CONTROL);
        waitUntil("released", WAIT, () -> !redVm.grabbedProperty().get());
        int sent = red.keys().size();
        robot.type(KeyCode.B);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(red.keys().subList(sent, red.keys().size())).noneMatch(k -> k.startsWith("key 0x62"));
    }

    @Test
    void scalingSwitchesBetweenFitAndOneToOneAndIsRememberedPerVm(FxRobot robot) {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        waitUntil("fitted", WAIT, () -> robot.lookup("#graphics-red #graphics-image").queryAs(ImageView.class)
                .getBoundsInLocal().getWidth() > 320);
        UiTestSupport.click(robot, "#graphics-red #graphics-fit");
        waitUntil("1:1", WAIT, () -> robot.lookup("#graphics-red #graphics-image").queryAs(ImageView.class)
                .getBoundsInLocal().getWidth() == 320);
        ScalingStore again = new ScalingStore(dir.resolve("console-scaling.json"));
        assertThat(again.get("test:///x", "red")).isEqualTo(Scaling.ONE_TO_ONE);
        assertThat(again.get("test:///x", "blue")).isEqualTo(Scaling.FIT);
    }

    @Test
    void aTabDetachesToItsOwnWindowAndComesBack(FxRobot robot) {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        UiTestSupport.click(robot, "#graphics-red #graphics-detach");
        waitUntil("own window", WAIT, () -> redDetacher.detached() && redDetacher.window().isShowing());
        assertThat(onFx(() -> redDetacher.window().getScene().getRoot().getId())).isEqualTo("graphics-red");
        assertThat(onFx(() -> robot.lookup("#graphics-detached-note").tryQuery().isPresent())).isTrue();
        assertThat(onFx(() -> Window.getWindows().size())).isGreaterThanOrEqualTo(2);
        waitUntil("still live in its window", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        // the detached window may lie over the main one on the headless screen: press the button itself
        robot.interact(() -> robot.lookup("#graphics-attach").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil("back in the tab", WAIT, () -> !redDetacher.detached()
                && robot.lookup("#tabs").queryAs(TabPane.class).getTabs().get(0).getContent().getId().equals("graphics-red"));
    }

    @Test
    void theConsoleReconnectsWhenTheServerDropsIt(FxRobot robot) throws Exception {
        waitUntil("red screen", WAIT, () -> pixel(robot, "red") == 0xcc2020);
        assertThat(red.sessions.get()).isEqualTo(1);
        red.dropClient();
        waitUntil("reconnected", WAIT, () -> red.sessions.get() == 2 && redVm.stateProperty().get() == ConsoleState.CONNECTED
                && redVm.messageProperty().get().startsWith("Showing the screen of red"));
        List<String> before = List.copyOf(red.keys());
        redVm.sendKey(SendKey.menu().get(0));
        waitUntil("keys over the new session", WAIT, () -> red.keys().size() >= before.size() + 6);
    }
}
