package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.job.JobState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A job running when its host vanishes, live, in the real window: the wizard's creation job (new qcow2 disk,
 * definition, start) on a libvirtd of this test's own with the real QEMU session driver and a dir pool, so
 * what the job makes survives the daemon (the shared system libvirtd is never touched). The daemon is frozen
 * the moment the VM's definition is on disk (the job is then inside its start call) and killed. The job must
 * fail in one sentence, the host show disconnected, the FX thread never stall; once the daemon answers
 * again the host reconnects and the half-made VM, its disk and its QEMU process are gone.
 */
@ExtendWith(ApplicationExtension.class)
class JobHostLossIT {
    @TempDir
    static Path root;
    private PrivateLibvirtd daemon;
    private MainWindow window;
    private final List<DuovirtException> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        daemon = new PrivateLibvirtd(true);
        daemon.start();
        daemon.definePool();
        AppDirs dirs = UiTestSupport.tempDirs(root.resolve("j-" + System.nanoTime()), List.of(new ConnectionConfig(daemon.uri(), "Own libvirtd", true)));
        window = UiTestSupport.open(stage, dirs);
        // The window's error dialog is replaced by a list, so the test reads every sentence the user would see.
        window.model().setErrorHandler(errors::add);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        daemon.close();
    }

    private HostSession host() {
        return UiTestSupport.onFx(() -> window.hosts().hosts().stream().filter(h -> h.config().uri().equals(daemon.uri())).findFirst().orElseThrow());
    }

    @Test
    void aCreationRunningWhenItsLibvirtdIsKilledFailsInOneSentenceAndLeavesNothingOnceTheDaemonIsBack() throws Exception {
        HostSession host = host();
        HostStates.millisUntil(host, HostState.CONNECTED, Duration.ofSeconds(90));
        String name = "hard-job-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        VmSpec spec = new VmSpec(name, 64, 1, new VmSpec.Storage.NewDisk(0.05, "default", false), null, null, null, null, null, null);
        try (FxStallWatcher stalls = FxStallWatcher.start()) {
            Thread.sleep(2000);
            System.out.printf("FX stall with the host connected and idle: worst %d ms%n", stalls.reset());
            InterruptedJob job = InterruptedJob.start(window, host, spec, errors);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(daemon.definition(name))) {
                assertThat(System.nanoTime()).as("the definition of " + name + " written").isLessThan(deadline);
                Thread.sleep(1);
            }
            daemon.freeze();
            assertThat(job.state()).as("the job is still running when its daemon vanishes").isEqualTo(JobState.RUNNING);
            try (var files = Files.list(daemon.pool())) {
                assertThat(files).as("its disk was made").isNotEmpty();
            }
            daemon.kill();
            long killedAt = System.nanoTime();
            long gone = HostStates.millisUntil(host, HostState.DISCONNECTED, Duration.ofSeconds(5));
            long failed = job.assertFailedInOneSentence(killedAt);
            Thread.sleep(500); // the host tree and the jobs panel settle for the picture
            stalls.excluding(() -> UiTestSupport.savePng(window.view().getScene(), Path.of("target/screenshots/job-host-lost.png")));

            Thread.sleep(3000); // reconnect attempts against a dead socket meanwhile
            long revivedAt = System.nanoTime();
            daemon.start();
            long answering = (System.nanoTime() - revivedAt) / 1_000_000;
            long back = HostStates.millisUntil(host, HostState.CONNECTED, Duration.ofSeconds(15));
            long removed = job.assertLeftoversRemoved(revivedAt, Duration.ofSeconds(30)) - answering;
            System.out.printf("job on a vanishing host (KVM): disconnected after %d ms, job failed %d ms after the kill, "
                    + "reconnected %d ms after the daemon answered, leftovers removed %d ms after it answered, worst FX stall %d ms%n",
                    gone, failed, back, removed, stalls.worstMs());

            Thread.sleep(500);
            stalls.excluding(() -> UiTestSupport.savePng(window.view().getScene(), Path.of("target/screenshots/job-host-back.png")));
            assertThat(daemon.virsh("list", "--all", "--name")).doesNotContain(name);
            assertThat(daemon.virsh("vol-list", "default")).doesNotContain(name);
            try (var files = Files.list(daemon.pool())) {
                assertThat(files).as("files left in the pool").isEmpty();
            }
            assertThat(daemon.definition(name)).doesNotExist();
            assertThat(daemon.children()).as("QEMU processes left").isEmpty();
            assertThat(gone).isLessThan(5000);
            assertThat(back).isLessThan(5000);
            stalls.assertNeverFroze("job on a vanishing host");
        }
    }
}
