package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.Commands;
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
 * A spec that passes the dry run (and libvirt's schema) but that libvirt itself refuses when defining it, through the
 * wizard window on the real libvirtd: an edited definition with two disks on one target. The job fails, the user gets
 * one error dialog whose sentence says why, and nothing is left: no VM, no disk volume (virsh).
 */
@ExtendWith(ApplicationExtension.class)
class NewVmRefusedAtCreationIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "wizxen-ref-";
    private static final Path GUEST = Path.of("/var/lib/libvirt/images/wizxen-guest");
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static volatile MainWindow current;
    @TempDir
    static Path home;
    private MainWindow window;

    @BeforeAll
    static void host() {
        Repository.buildGuest(GUEST);
    }

    @AfterAll
    static void tidy() {
        for (String name : virsh("list", "--all", "--name").lines().map(String::strip).filter(n -> n.startsWith(PREFIX)).toList()) {
            virsh("undefine", name);
        }
        virsh("pool-refresh", "default");
        for (String line : virsh("vol-list", "default").lines().skip(2).map(String::strip).filter(l -> l.startsWith(PREFIX)).toList()) {
            virsh("vol-delete", "--pool", "default", line.split("\\s+")[0]);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        InjectingConnection.mode = "";
        var dirs = UiTestSupport.tempDirs(home.resolve("it-" + System.nanoTime()), List.of(new ConnectionConfig(URI, null, true)));
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri),
                NewVmRefusedAtCreationIT::job), Timeouts.standard());
        current = window;
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void aDefinitionLibvirtRefusesFailsTheJobInOneSentenceAndLeavesNothing(FxRobot robot) {
        String vm = PREFIX + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.kernelBoot(robot, vm, GUEST.resolve("vmlinuz").toString(), GUEST.resolve("initrd.gz").toString(),
                "96", "0.03", "kvm", "qemu");
        String generated = w.text("#wizard-definition");
        robot.interact(() -> ((CheckBox) w.current().lookup("#wizard-customize")).setSelected(true));
        TextArea area = onFx(() -> (TextArea) w.current().lookup("#wizard-definition"));
        // Valid for libvirt's schema, refused by libvirt itself: the new disk twice, on the same target.
        String disk = generated.replaceAll("(?s).*(<disk type=\"file\" device=\"disk\">.*?</disk>).*", "$1");
        assertThat(disk).contains("<target dev=\"vda\"");
        robot.interact(() -> area.setText(generated.replace(disk, disk + "\n    " + disk)));
        waitUntil("the edit passes the dry run and the schema", WAIT, () -> w.enabled(ButtonBar.ButtonData.FINISH));
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job failed", WAIT, () -> job() != null && job().state() == JobState.FAILED);
        String sentence = job().errorOrNull().getMessage();
        assertThat(sentence).as("one sentence that says why").doesNotContain("\n").contains("vda").endsWith(".");
        waitUntil("one error dialog with that sentence", WAIT, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#error-dialog").queryAll().size())).isEqualTo(1);
        javafx.scene.control.DialogPane pane = onFx(() -> (javafx.scene.control.DialogPane) robot.lookup("#error-dialog").query());
        assertThat(onFx(pane::getHeaderText)).isEqualTo(sentence);
        UiTestSupport.savePng(onFx(pane::getScene), WizardDriver.shots().resolve("wizard-refused-at-creation.png"));
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
        assertThat(virsh("list", "--all", "--name").lines().map(String::strip)).doesNotContain(vm);
        virsh("pool-refresh", "default");
        assertThat(virsh("vol-list", "default")).as("the disk made for it is removed again").doesNotContain(vm);
    }

    private static Job job() {
        return WizardDriver.lastJob(current);
    }

    private static String virsh(String... args) {
        List<String> command = new ArrayList<>(Arrays.asList("virsh", "-c", URI));
        command.addAll(Arrays.asList(args));
        return Commands.ok(command, Duration.ofMinutes(3));
    }
}
