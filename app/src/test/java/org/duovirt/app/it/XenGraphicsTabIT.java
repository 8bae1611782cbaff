package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.graphics.GraphicsConsoleView;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.core.testing.VncGuest;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console tab on the real Xen test host: the graphical console of a PV guest with a framebuffer (vfb, served
 * by qemu-system-xen in dom0) opens over {@code xl+ssh://} and shows the same frame as gtk-vnc's gvnccapture;
 * light and dark, each shot under target/.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XenGraphicsTabIT {
    private static final String PREFIX = "xenvfb-tab-";
    private static final String VM = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static HostConnection host;
    private static boolean dark;
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void boot() throws Exception {
        host = UiTestSupport.BACKENDS.connect(XenTestHosts.uri());
        XenVfbGuest.cleanUp(host, PREFIX);
        XenVfbGuest.createAndStart(host, VM);
        try (TextConsole console = host.openConsole(VM)) {
            StringBuffer seen = ConsoleText.read(console);
            assertThat(ConsoleText.await(seen, "DUOVIRT-VNC-KEYBOARD-READY", Duration.ofMinutes(5)))
                    .as("the guest booted; its PV console showed:\n" + seen).isTrue();
        }
        XenVfbGuest.awaitStillFrame(VM, new int[2], Duration.ofMinutes(3));
    }

    @AfterAll
    static void tidy() {
        Theme.setDark(false); // the choice is static: later tests in this JVM start light
        if (host != null) {
            XenVfbGuest.cleanUp(host, PREFIX);
            host.close();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("tab-" + System.nanoTime()),
                List.of(new ConnectionConfig(XenTestHosts.uri(), "xen-test", true)));
        window = UiTestSupport.open(stage, dirs);
        window.view().darkThemeItem().setSelected(dark); // as a user picks it (View > Dark theme)
        stage.setWidth(1280);
        stage.setHeight(860);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        dark = !dark; // the next test's window opens in the other theme
    }

    @Test
    @Order(1)
    void theTabShowsTheGuestsFramebufferAsGvnccaptureSeesIt(FxRobot robot) throws Exception {
        openAndCompare(robot, "xen-graphics-tab-light.png");
    }

    @Test
    @Order(2)
    void theSameInTheDarkTheme(FxRobot robot) throws Exception {
        openAndCompare(robot, "xen-graphics-tab-dark.png");
    }

    private void openAndCompare(FxRobot robot, String shot) throws Exception {
        // The witness reads the still frame first: QEMU's VNC server drops its other clients when gvnccapture
        // connects (a non-shared client), and the tab would then be caught reconnecting.
        int[] size = new int[2];
        int[] witness = XenVfbGuest.gvnccapture(VM, size);
        waitUntil("connected", WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        robot.interact(() -> robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class).setText(VM));
        UiTestSupport.clickVmRow(robot, VM, WAIT);
        UiTestSupport.click(robot, "#tool-graphics");
        waitUntil("the graphical console tab", WAIT, () -> !robot.lookup("#graphics-" + VM).queryAll().isEmpty());
        GraphicsConsoleView screen = robot.lookup("#graphics-" + VM).queryAs(GraphicsConsoleView.class);
        waitUntil("the guest's framebuffer in the tab", WAIT, () -> screen.picture() != null
                && !robot.lookup("#graphics-placeholder").query().isVisible() && VncGuest.litPixels(pixels(screen.picture())) > 1000,
                () -> robot.lookup("#graphics-status").queryLabeled().getText());
        // The tab draws the updates it is sent; wait until it agrees with the witness (it may lag a frame).
        double[] agreement = new double[1];
        waitUntil("the tab's frame to match gvnccapture", WAIT, () -> {
            WritableImage picture = screen.picture();
            agreement[0] = (int) picture.getWidth() == size[0] && (int) picture.getHeight() == size[1]
                    ? VncGuest.agreement(pixels(picture), witness) : 0;
            return agreement[0] >= 0.99 && !robot.lookup("#graphics-placeholder").query().isVisible();
        }, () -> String.format("%.4f%% agree; status: %s", agreement[0] * 100, robot.lookup("#graphics-status").queryLabeled().getText()));
        System.out.printf("XENVFB console tab (%s) vs gvnccapture: %.4f%% of %dx%d pixels agree%n",
                dark ? "dark" : "light", agreement[0] * 100, size[0], size[1]);
        assertThat(onFx(() -> robot.lookup("#graphics-placeholder").query().isVisible())).as("no placeholder over the screen").isFalse();
        UiTestSupport.savePng(window.view().getScene(), Path.of("target", "screenshots", shot));
    }

    /** The image's ARGB pixels; call on the FX thread. */
    private static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }
}
