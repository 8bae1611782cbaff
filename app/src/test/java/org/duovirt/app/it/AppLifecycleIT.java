package org.duovirt.app.it;

import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.Commands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
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
 * End to end on the real libvirtd (qemu:///system, run as root after bin/start-libvirtd): a tiny TCG guest
 * is defined, started from the toolbar, forced off through the confirmation, and deleted with its own
 * disk from the delete dialog; virsh is the independent witness. Fails when libvirtd is not there.
 */
@ExtendWith(ApplicationExtension.class)
class AppLifecycleIT {
    private static final String URI = "qemu:///system";
    /** Overridable (-Dit.app.prefix=...) so two worktrees can run this test on one libvirtd at once. */
    private static final String PREFIX = System.getProperty("it.app.prefix", "dvt-it-app-");
    private static final Path GUEST_DIR = Path.of("/var/lib/libvirt/images/duovirt-test-app");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String VM = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void host() {
        assertThat(virsh("version")).as("libvirtd answers on " + URI).contains("Running hypervisor");
        cleanUp();
        Repository.buildGuest(GUEST_DIR);
    }

    @AfterAll
    static void tidy() {
        cleanUp();
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void startForceOffAndDeleteATinyGuestFromTheUi(FxRobot robot) {
        waitUntil("connected to " + URI, WAIT, () -> robot.lookup("#status-hosts").queryLabeled().getText().contains("1 connected"));
        try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.create(new VmSpec(VM, 96, 1, new VmSpec.Storage.NewDisk(0.05, null),
                    new VmSpec.Boot.Kernel(GUEST_DIR.resolve("vmlinuz").toString(), GUEST_DIR.resolve("initrd.gz").toString(), "console=ttyS0"),
                    null, VirtMode.QEMU, null, null, null), ProgressListener.NONE);
        }
        waitUntil("the defined guest appears", WAIT, () -> visibleNames(robot).contains(VM));
        assertThat(UiTestSupport.stateText(robot, VM)).isEqualTo("Shut off");
        String volume = virsh("domblklist", VM, "--details").lines().filter(l -> l.contains(" disk ")).map(l -> l.trim().split("\\s+")[3])
                .findFirst().orElseThrow();

        select(robot, VM);
        UiTestSupport.click(robot, "#tool-start");
        waitUntil("the table says Running", WAIT, () -> "Running".equals(UiTestSupport.stateText(robot, VM)));
        assertThat(virsh("domstate", VM).strip()).isEqualTo("running");

        // The embedded terminal shows the guest's serial output and sends typed keys.
        UiTestSupport.click(robot, "#tool-console");
        // Under TCG on a loaded shared machine the guest can take minutes to reach its banner.
        waitUntil("the guest's banner in the console", Duration.ofMinutes(3), () -> consoleText(robot).contains("DUOVIRT-GUEST-READY"));
        // The guest polls its console once a second; on a loaded machine a line can arrive while it is
        // still starting, so type again (a new line each time) before calling it broken.
        boolean echoed = false;
        for (int attempt = 1; attempt <= 4 && !echoed; attempt++) {
            String line = "hello duovirt " + attempt;
            UiTestSupport.click(robot, "#console-output").write(line).type(javafx.scene.input.KeyCode.ENTER);
            try {
                waitUntil("the guest echoes the typed line", Duration.ofSeconds(15), () -> consoleText(robot).contains("guest heard: " + line));
                echoed = true;
            } catch (AssertionError notYet) {
                // try once more
            }
        }
        assertThat(echoed).as("the guest echoed a typed line; console shows:%n%s", consoleText(robot)).isTrue();
        ConsoleView console = robot.lookup("#console-" + VM).queryAs(ConsoleView.class);
        select(robot, VM);

        UiTestSupport.click(robot, "#tool-shutdown .arrow-button");
        UiTestSupport.click(robot, "#menu-force-off");
        waitUntil("force-off confirmation", WAIT, () -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#confirm-dialog .label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().contains("anything the guest has not written to disk is lost"));
        clickDialogButton(robot, "#confirm-dialog", "Force Off");
        waitUntil("the table says Shut off", WAIT, () -> "Shut off".equals(UiTestSupport.stateText(robot, VM)));

        UiTestSupport.click(robot, "#tool-delete");
        waitUntil("delete dialog", WAIT, () -> robot.lookup("#delete-dialog").tryQuery().isPresent());
        assertThat(robot.lookup("#delete-storage").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#delete-storage-list .label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().contains(volume));
        UiTestSupport.click(robot, "#delete-storage");
        clickDialogButton(robot, "#delete-dialog", "Delete");
        waitUntil("the guest is gone from the table", WAIT, () -> !visibleNames(robot).contains(VM));
        assertThat(virsh("list", "--all", "--name").lines().map(String::strip)).doesNotContain(VM);
        assertThat(Path.of(volume)).doesNotExist();

        // Closing the window closes its console tabs: a terminal dropped undisposed would keep its repaint
        // timer, which throws on every frame once the terminal is collected.
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        assertThat(UiTestSupport.onFx(console::isDisposed)).as("the console's terminal was disposed with the window").isTrue();
    }

    private static void select(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#center-tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        // The shared libvirtd may hold many VMs: filter the table to this one so its row is on screen.
        robot.interact(() -> robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class).setText(name));
        UiTestSupport.clickVmRow(robot, name, WAIT);
    }

    /** What the console tab's terminal holds (its text buffer: scrollback and screen). */
    private static String consoleText(FxRobot robot) {
        return robot.lookup("#console-" + VM).tryQueryAs(ConsoleView.class).map(v -> UiTestSupport.onFx(v::text)).orElse("");
    }

    private static void clickDialogButton(FxRobot robot, String dialog, String text) {
        UiTestSupport.click(robot, robot.lookup(dialog + " .button").match(b -> text.equals(((Button) b).getText())).queryButton());
    }

    /** Removes this test's domains (those with its prefix) and their disks, nothing else. */
    private static void cleanUp() {
        for (String name : virsh("list", "--all", "--name").lines().map(String::strip).filter(n -> n.startsWith(PREFIX)).toList()) {
            String state = virsh("domstate", name).strip();
            if (state.startsWith("running") || state.startsWith("paused")) {
                virsh("destroy", name);
            }
            virsh("undefine", name, "--remove-all-storage");
        }
    }

    private static String virsh(String... args) {
        List<String> command = new ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    private static String run(List<String> command) {
        return Commands.ok(command, Duration.ofMinutes(3));
    }
}
