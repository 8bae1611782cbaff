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
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A job running when its Xen host vanishes, live: the wizard's creation job (new image, owned cfg, then
 * {@code xl create}, 30-40 s under TCG) on the shared Xen test host through a loopback relay of the test's own,
 * cut while {@code xl create} runs (the shared host and its sshd are never touched). The job must fail in one
 * sentence, the host show disconnected, the FX thread never stall; once the relay is back the host reconnects
 * and dom0 has no domain, no cfg and no image of that VM.
 */
@ExtendWith(ApplicationExtension.class)
class XenJobHostLossIT {
    @TempDir
    static Path root;
    private TcpRelay relay;
    private String uri;
    private MainWindow window;
    private final List<DuovirtException> errors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        relay = RelayedXen.relay();
        Path dir = Files.createDirectories(root.resolve("x-" + System.nanoTime()));
        uri = RelayedXen.uri(relay, dir);
        AppDirs dirs = UiTestSupport.tempDirs(dir, List.of(new ConnectionConfig(uri, "Xen through a relay", true)));
        window = UiTestSupport.open(stage, dirs);
        window.model().setErrorHandler(errors::add);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        relay.close();
    }

    private HostSession host() {
        return UiTestSupport.onFx(() -> window.hosts().hosts().stream().filter(h -> h.config().uri().equals(uri)).findFirst().orElseThrow());
    }

    @Test
    void aCreationWhoseXlCreateIsCutOffFailsInOneSentenceAndLeavesNothingInDom0OnceTheHostIsBack() throws Exception {
        HostSession host = host();
        HostStates.millisUntil(host, HostState.CONNECTED, Duration.ofSeconds(120));
        String name = "hard-xjob-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        VmSpec spec = new VmSpec(name, 96, 1, new VmSpec.Storage.NewDisk(0.0625, null, false),
                new VmSpec.Boot.Kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0"), null, null, null, null, null);
        try (FxStallWatcher stalls = FxStallWatcher.start(); HostLog log = HostLog.start()) {
            Thread.sleep(2000);
            System.out.printf("FX stall with the Xen host connected and idle: worst %d ms%n", stalls.reset());
            InterruptedJob job = InterruptedJob.start(window, host, spec, errors);
            UiTestSupport.waitUntil("the start step (xl create)", Duration.ofSeconds(120),
                    () -> job.job().stepProperty().get() == 2 || job.job().state().finished());
            Thread.sleep(3000); // xl create is under way in dom0
            assertThat(job.state()).as("the job is still running when its host vanishes").isEqualTo(JobState.RUNNING);
            relay.cut();
            long cutAt = System.nanoTime();
            long gone = HostStates.millisUntil(host, HostState.DISCONNECTED, Duration.ofSeconds(5));
            long failed = job.assertFailedInOneSentence(cutAt);

            Thread.sleep(3000);
            long restoredAt = System.nanoTime();
            relay.restore();
            long back = HostStates.millisUntil(host, HostState.CONNECTED, HostStates.XEN_BACK_WITHIN);
            long removed = job.assertLeftoversRemoved(restoredAt, Duration.ofSeconds(120));
            System.out.printf("job on a vanishing host (Xen): disconnected after %d ms, job failed %d ms after the cut, "
                    + "reconnected %d ms after the relay was restored, leftovers removed %d ms after it, worst FX stall %d ms%n",
                    gone, failed, back, removed, stalls.worstMs());
            System.out.print("job on a vanishing host (Xen), load " + HostStates.load() + ", timeline (s from the restore):\n" + log.timeline(restoredAt));

            assertThat(XenTestHosts.dom0("xl list")).doesNotContain(name);
            assertThat(XenTestHosts.dom0("ls /etc/xen/duovirt/ /var/lib/xen/duovirt/images/ 2>/dev/null; true")).doesNotContain(name);
            assertThat(gone).isLessThan(5000);
            stalls.assertNeverFroze("job on a vanishing host");
        } finally {
            // Whatever happened above, no guest of this test stays in the shared dom0.
            XenTestHosts.dom0("xl destroy " + name + " 2>/dev/null; rm -f /etc/xen/duovirt/" + name + ".cfg /var/lib/xen/duovirt/images/" + name + "*; true");
        }
    }
}
