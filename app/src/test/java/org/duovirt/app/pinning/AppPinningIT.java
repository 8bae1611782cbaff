package org.duovirt.app.pinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.VirshPins;
import org.duovirt.core.testing.Repository;
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
 * The pinning editor on the real libvirtd (qemu:///system, TCG) with a 2-vCPU tiny guest: a preset and then a
 * plan drawn cell by cell, applied live and persistent from the editor; virsh vcpupin (live and --config) and
 * emulatorpin agree; a guest reset and a destroy + start keep the pins; undo puts the preset's pins back.
 * The VM is named pin-app-*.
 */
@ExtendWith(ApplicationExtension.class)
class AppPinningIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "pin-app-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private static final Path GUEST_DIR = Path.of("/var/lib/libvirt/images/duovirt-test-app");
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void createAndStart() {
        Repository.buildGuest(GUEST_DIR);
        try (HostConnection side = UiTestSupport.BACKENDS.connect(URI)) {
            side.create(new VmSpec(VM, 64, 2, new VmSpec.Storage.None(),
                    new VmSpec.Boot.Kernel(GUEST_DIR.resolve("vmlinuz").toString(), GUEST_DIR.resolve("initrd.gz").toString(), "console=ttyS0"),
                    null, VirtMode.QEMU, null, null, null), ProgressListener.NONE);
            side.start(VM);
        }
    }

    @AfterAll
    static void remove() {
        Commands.run(List.of("virsh", "-c", URI, "destroy", VM), Duration.ofMinutes(1));
        Commands.run(List.of("virsh", "-c", URI, "undefine", VM), Duration.ofMinutes(1));
    }

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs);
        onFx(() -> {
            stage.setWidth(1400);
            stage.setHeight(900);
            return null;
        });
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    private static String virsh(String... args) {
        List<String> argv = new ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(1));
    }

    private static void applyAndWait(FxRobot robot, String what) {
        UiTestSupport.click(robot, "#pin-apply");
        waitUntil(what + " applied", WAIT, () -> PinEditorTest.outcome(robot).startsWith("Applied in"));
        System.out.println("AppPinningIT: " + what + ": " + PinEditorTest.outcome(robot));
    }

    @Test
    void aPresetAndADrawnPlanAreAppliedLiveAndPersistentlyFromTheEditorAndHold(FxRobot robot) {
        PinGrid grid = PinEditorTest.openEditor(robot, VM);
        assertThat(onFx(grid::rowCount)).as("two vCPUs and the emulator row").isEqualTo(3);
        assertThat(onFx(() -> grid.isEmulatorRow(2))).isTrue();
        assertThat(robot.lookup("#pin-live").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#pin-config").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();

        PinEditorTest.preset(robot, "Compact: one vCPU per core");
        waitUntil("the compact plan", WAIT, () -> PinEditorTest.hard(grid).equals(List.of("0", "1")));
        applyAndWait(robot, "compact");
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:0", "1:1");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:0", "1:1");

        // drawn by hand: vCPU 0 on CPU 1, vCPU 1 on CPU 0, the emulator on CPU 0
        for (String cell : List.of("#pin-cell-0-1", "#pin-cell-0-0", "#pin-cell-1-0", "#pin-cell-1-1", "#pin-cell-2-1")) {
            UiTestSupport.click(robot, cell);
        }
        assertThat(PinEditorTest.hard(grid)).containsExactly("1", "0");
        assertThat(onFx(() -> grid.planProperty().get().emulator().toString())).isEqualTo("0");
        waitUntil("the emulator warning", WAIT, () -> PinEditorTest.warnings(robot).contains("The emulator threads share CPUs 0 with vCPUs 1."));
        UiTestSupport.click(robot, "#pin-show-preview");
        waitUntil("the preview", WAIT, () -> onFx(() -> robot.lookup("#pin-preview").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("<emulatorpin cpuset=\"0\""));
        applyAndWait(robot, "drawn plan");
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(URI, VM)).isEqualTo("0");
        assertThat(VirshPins.emulatorpin(URI, VM, "--config")).isEqualTo("0");

        // a guest reset, then a destroy + start by the host: the pins hold
        virsh("reset", VM);
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:1", "1:0");
        virsh("destroy", VM);
        virsh("start", VM);
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(URI, VM)).isEqualTo("0");

        // undo: the compact pins are back, live and persistent
        UiTestSupport.click(robot, "#pin-undo");
        waitUntil("undo", WAIT, () -> PinEditorTest.outcome(robot).startsWith("The previous pins are back"));
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:0", "1:1");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:0", "1:1");
        assertThat(VirshPins.emulatorpin(URI, VM, "--config")).isEqualTo("0-1");
    }
}
