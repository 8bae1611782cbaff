package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The New VM wizard on the real Xen test host (xl over SSH): a PV guest of the test kernel and initrd with a
 * new image boots and its banner shows in the console tab (xl list and the owned cfg agree), HVM is greyed
 * with its reason; cancel during the image step and a failure at start leave no cfg and no image in dom0.
 */
@ExtendWith(ApplicationExtension.class)
class NewVmWizardXenIT {
    private static final String PREFIX = "wiz-xit-";
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static volatile MainWindow current;
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Theme.setDark(false);
        InjectingConnection.mode = "";
        var dirs = UiTestSupport.tempDirs(home.resolve("xit-" + System.nanoTime()),
                List.of(new ConnectionConfig(XenTestHosts.uri(), "xen-test", true)));
        window = UiTestSupport.open(stage, dirs, uri -> InjectingConnection.wrap(UiTestSupport.BACKENDS.connect(uri), NewVmWizardXenIT::job),
                new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5)));
        current = window;
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @AfterAll
    static void tidy() {
        try (HostConnection side = UiTestSupport.BACKENDS.connect(XenTestHosts.uri())) {
            side.listVms(true).stream().filter(v -> v.name().startsWith(PREFIX)).forEach(v -> {
                if (v.state().isActive()) {
                    side.destroy(v.name());
                }
                side.delete(v.name(), true);
            });
        }
    }

    @Test
    void aPvGuestByKernelAndInitrdBootsAndItsBannerShowsInTheConsoleTab(FxRobot robot) {
        String vm = PREFIX + "pv-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver w = WizardDriver.kernelBoot(robot, vm, "/root/guest/vmlinuz", "/root/guest/initrd.gz", "96", "0.0625", "hvm", "pv");
        assertThat(w.text("#wizard-definition")).containsPattern("type = .pv.").contains("console=hvc0");
        long t0 = System.nanoTime();
        w.press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job succeeded", WAIT, () -> job() != null && job().state() == JobState.SUCCEEDED);
        System.out.println("WIZARD-XEN-CREATE-AND-START-MS " + (System.nanoTime() - t0) / 1_000_000);
        WizardDriver.awaitBanner(robot, WAIT);
        assertThat(dom0("xl list")).contains(vm);
        assertThat(dom0("cat /etc/xen/duovirt/" + vm + ".cfg")).containsPattern("name = .".concat(vm)).contains("/root/guest/vmlinuz");
        try (HostConnection side = UiTestSupport.BACKENDS.connect(XenTestHosts.uri())) {
            side.destroy(vm);
            side.delete(vm, true);
        }
        assertNothingLeft(vm);
    }

    @Test
    void cancelDuringTheImageStepLeavesNothing(FxRobot robot) {
        InjectingConnection.mode = "cancel-at-disk";
        String vm = PREFIX + "cv-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver.kernelBoot(robot, vm, "/root/guest/vmlinuz", "/root/guest/initrd.gz", "96", "0.0625", "hvm", "pv")
                .press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job was cancelled", WAIT, () -> job() != null && job().state() == JobState.CANCELLED);
        assertNothingLeft(vm);
    }

    @Test
    void aFailureAtTheStartStepLeavesNothing(FxRobot robot) {
        InjectingConnection.mode = "fail-start";
        String vm = PREFIX + "fs-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        WizardDriver.kernelBoot(robot, vm, "/root/guest/vmlinuz", "/root/guest/initrd.gz", "96", "0.0625", "hvm", "pv")
                .press(ButtonBar.ButtonData.FINISH);
        waitUntil("the job failed", WAIT, () -> job() != null && job().state() == JobState.FAILED);
        assertThat(job().errorOrNull().getMessage()).isEqualTo(InjectingConnection.FAILED_START);
        assertNothingLeft(vm);
    }

    private static void assertNothingLeft(String vm) {
        assertThat(dom0("xl list")).doesNotContain(vm);
        assertThat(dom0("ls /etc/xen/duovirt/ /var/lib/xen/duovirt/images/ 2>/dev/null; true")).doesNotContain(vm);
    }

    private static Job job() {
        return WizardDriver.lastJob(current);
    }

    private static String dom0(String command) {
        return Commands.ok(List.of(Repository.root().resolve("testing/xen-host/ssh").toString(), command), Duration.ofMinutes(2));
    }
}
