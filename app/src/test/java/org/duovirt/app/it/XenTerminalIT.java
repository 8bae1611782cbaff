package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.visibleNames;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.Dom0Ssh;
import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.XenTestHosts;
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
 * The console tab's terminal on a real Xen PV console over xl+ssh://: the tiny guest's shell runs busybox
 * top full-screen, and JediTermFX's screen buffer holds top's screen as top drew it (header rows in place,
 * one header only after redraws, no escape-sequence debris), then the prompt after quitting.
 */
@ExtendWith(ApplicationExtension.class)
class XenTerminalIT {
    private static final String PREFIX = "term-xen-";
    private static final String VM = PREFIX + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    /** The shared host's image carries the guest as it was built; this test's guest build goes beside it. */
    private static final String INITRD = "/root/term-guest/initrd.gz";
    /** The guest shell's prompt as the screen text shows it (trailing blanks are trimmed). */
    private static final String PROMPT = "guest#";
    private static final Duration BOOT = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(90);
    @TempDir
    static Path home;
    private static String uri;
    private MainWindow window;

    @BeforeAll
    static void host() throws Exception {
        uri = XenTestHosts.uri();
        Path guest = Repository.buildGuest(home.resolve("guest"));
        upload(guest.resolve("initrd.gz"));
        cleanUp();
    }

    @AfterAll
    static void tidy() {
        cleanUp();
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(uri, "xen", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void busyboxTopRunsReadablyOnThePvConsole(FxRobot robot) throws Exception {
        try (HostConnection side = connect()) {
            side.create(new VmSpec(VM, 96, 1, new VmSpec.Storage.None(),
                    new VmSpec.Boot.Kernel("/root/guest/vmlinuz", INITRD, "console=hvc0"),
                    null, VirtMode.PV, null, List.of(), null), ProgressListener.NONE);
            side.start(VM);
        }
        waitUntil("the running guest is listed", WAIT, () -> visibleNames(robot).contains(VM) && "Running".equals(UiTestSupport.stateText(robot, VM)));
        select(robot, VM);
        UiTestSupport.click(robot, "#tool-console");
        waitUntil("the guest's banner in the terminal", BOOT, () -> text(robot).contains(Repository.GUEST_BANNER));

        // Into the guest's shell; tell it the terminal's size (the PV console cannot), then run top.
        typeUntil(robot, "duovirt-shell", "DUOVIRT-SHELL");
        waitUntil("the guest's shell prompt", WAIT, () -> text(robot).contains(PROMPT));
        int columns = UiTestSupport.onFx(() -> view(robot).columns());
        int rowCount = UiTestSupport.onFx(() -> view(robot).rows());
        typeUntil(robot, "stty rows " + rowCount + " cols " + columns, PROMPT);
        type(robot, "top");
        waitUntil("top's screen", WAIT, () -> screen(robot).startsWith("Mem:"));
        // Wait for top's second redraw (every 5 s): the screen must be repainted in place, not scrolled.
        Thread.sleep(11_000);
        List<String> rows = UiTestSupport.onFx(() -> view(robot).screenText()).lines().toList();
        String shown = String.join("\n", rows);
        assertThat(rows.get(0)).as("row 1 is top's memory line:%n%s", shown).startsWith("Mem:").contains("used").contains("free");
        assertThat(rows.get(1)).as("row 2 is top's CPU line:%n%s", shown).startsWith("CPU:").contains("idle");
        assertThat(rows.get(2)).as("row 3 is the load average:%n%s", shown).startsWith("Load average:");
        assertThat(rows.get(3)).as("row 4 is the column header:%n%s", shown).contains("PID").contains("PPID").contains("COMMAND");
        assertThat(rows.subList(4, rows.size())).as("processes listed:%n%s", shown).anyMatch(r -> r.contains("top"))
                .anyMatch(r -> r.contains("init"));
        assertThat(rows.stream().filter(r -> r.startsWith("Mem:"))).as("one header after redraws:%n%s", shown).hasSize(1);
        assertThat(shown).as("no escape-sequence debris:%n%s", shown).doesNotContain("\u001b").doesNotContain("[H").doesNotContain("[J")
                .doesNotContain("guest heard");
        // The guest's kernel threads alone fill a screen: top's list reaches the last row stty gave it.
        assertThat(rows).as("top fills the %d rows stty gave it, not its default 24:%n%s", rowCount, shown).hasSize(rowCount);
        assertThat(rowCount).isGreaterThan(24);
        assertThat(rows.get(rowCount - 2)).as("a process row near the bottom:%n%s", shown).isNotBlank();

        // q quits (lower case: busybox top ignores Q); the shell's prompt is back on the screen.
        UiTestSupport.click(robot, "#console-output").write("q");
        waitUntil("the prompt after top", WAIT, () -> screen(robot).contains(PROMPT));
    }

    private static ConsoleView view(FxRobot robot) {
        return robot.lookup("#console-" + VM).queryAs(ConsoleView.class);
    }

    private static String text(FxRobot robot) {
        return robot.lookup("#console-" + VM).tryQueryAs(ConsoleView.class).map(ConsoleView::text).orElse("");
    }

    private static String screen(FxRobot robot) {
        return robot.lookup("#console-" + VM).tryQueryAs(ConsoleView.class).map(ConsoleView::screenText).orElse("");
    }

    private static void type(FxRobot robot, String line) {
        UiTestSupport.click(robot, "#console-output").write(line).type(KeyCode.ENTER);
    }

    /** Types a line and waits for {@code expected} to appear after it; a slow guest may miss the first one. */
    private static void typeUntil(FxRobot robot, String line, String expected) {
        for (int attempt = 1; attempt <= 4; attempt++) {
            int before = text(robot).length();
            type(robot, line);
            try {
                waitUntil("the guest answers " + line, Duration.ofSeconds(30), () -> {
                    String t = text(robot);
                    return t.length() > before && t.substring(Math.min(before, t.length())).contains(expected);
                });
                return;
            } catch (AssertionError notYet) {
                // type it again
            }
        }
        throw new AssertionError("The guest never answered '" + line + "'; the terminal shows:\n" + text(robot));
    }

    private static void select(FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#center-tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        // The shared host may hold many VMs: filter the table to this one so its row is on screen.
        robot.interact(() -> robot.lookup("#filter").queryAs(javafx.scene.control.TextField.class).setText(name));
        UiTestSupport.clickVmRow(robot, name, WAIT);
    }

    /** Destroys and deletes this test's VMs (those with its prefix), nothing else. */
    private static void cleanUp() {
        try (HostConnection side = connect()) {
            side.listVms(true).stream().filter(v -> v.name().startsWith(PREFIX)).forEach(v -> {
                if (v.state() != VmState.SHUTOFF) {
                    side.destroy(v.name());
                }
                side.delete(v.name(), true);
            });
        }
    }

    /** A connection of the test's own; the shared, loaded host refuses many SSH logins, so try again. */
    private static HostConnection connect() {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 8; attempt++) {
            try {
                return UiTestSupport.BACKENDS.connect(uri);
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Copies the file to {@link #INITRD} in dom0; a loaded host drops SSH logins (seen: most of them), so try again. */
    private static void upload(Path file) throws Exception {
        String output = "";
        for (int attempt = 1; attempt <= 10; attempt++) {
            Process upload = new ProcessBuilder(dom0Ssh("mkdir -p /root/term-guest && cat > " + INITRD))
                    .redirectInput(file.toFile()).redirectErrorStream(true).start();
            assertThat(upload.waitFor(3, TimeUnit.MINUTES)).as("upload of the test guest finished").isTrue();
            output = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (upload.exitValue() == 0) {
                return;
            }
            Thread.sleep(5_000);
        }
        throw new AssertionError("Could not copy the test guest to dom0: " + output);
    }

    /** ssh to the test host's dom0 with the URI's own key and known_hosts; {@code remote} is a constant. */
    private static List<String> dom0Ssh(String remote) {
        List<String> ssh = new ArrayList<>(Dom0Ssh.command(uri));
        ssh.add(remote);
        return ssh;
    }
}
