package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hosts that stop answering without closing anything, live, in the real window: KVM, a libvirtd of this test's
 * own SIGSTOPped (its socket stays open, nothing answers) and later SIGCONTed; Xen, the test's relay in front of
 * the Xen test host stops forwarding while keeping both sockets open, and later forwards again. Only keepalive
 * can see either (libvirt's, JSch's server-alive): the host must show disconnected well within the ~45 s it
 * took before (the target is ~15 s: 12 s of silence), reconnect once the host answers again, and the FX thread
 * never stall meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class SilentLossIT {
    /** 12 s of silence is the keepalive's limit (KvmBackend, SshSession); the rest is slack for a loaded machine. */
    private static final Duration SEEN_WITHIN = Duration.ofSeconds(20);
    @TempDir
    static Path root;
    private PrivateLibvirtd daemon;
    private MainWindow window;
    private String uri;
    private TcpRelay relay;
    private String xenUri;

    @Start
    void start(Stage stage) throws Exception {
        daemon = new PrivateLibvirtd(false);
        daemon.start();
        uri = daemon.uri();
        relay = RelayedXen.relay();
        xenUri = RelayedXen.uri(relay, daemon.dir());
        AppDirs dirs = UiTestSupport.tempDirs(root.resolve("s-" + System.nanoTime()), List.of(new ConnectionConfig(uri, "Own libvirtd", true),
                new ConnectionConfig(xenUri, "Xen through a relay", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
        relay.close();
        daemon.thaw();
        daemon.close();
    }

    private HostSession host(String which) {
        return UiTestSupport.onFx(() -> window.hosts().hosts().stream().filter(h -> h.config().uri().equals(which)).findFirst().orElseThrow());
    }

    @Test
    void aStoppedLibvirtdIsSeenGoneByKeepaliveAndBackWhenItContinues() throws Exception {
        silentAndBack("KVM, own libvirtd SIGSTOPped and SIGCONTed", uri, daemon::freeze, daemon::thaw, Duration.ofSeconds(30));
    }

    @Test
    void aXenLinkThatGoesSilentIsSeenGoneByKeepaliveAndBackWhenItForwardsAgain() throws Exception {
        silentAndBack("Xen over SSH, relay frozen and thawed", xenUri, relay::freeze, relay::thaw, HostStates.XEN_BACK_WITHIN);
    }

    private void silentAndBack(String what, String which, ReconnectIT.Step silence, ReconnectIT.Step answer, Duration backWithin) throws Exception {
        HostStates.millisUntil(host(which), HostState.CONNECTED, Duration.ofSeconds(90));
        String name = UiTestSupport.onFx(host(which)::displayName);
        try (FxStallWatcher stalls = FxStallWatcher.start(); HostLog log = HostLog.start()) {
            silence.run();
            long gone = HostStates.millisUntil(host(which), HostState.DISCONNECTED, SEEN_WITHIN.plusSeconds(40));
            answer.run();
            long back = HostStates.millisUntil(host(which), HostState.CONNECTED, backWithin);
            System.out.printf("silent loss (%s): disconnected %d ms after the host went silent, reconnected %d ms after it answered again, worst FX stall %d ms%n",
                    what, gone, back, stalls.worstMs());
            System.out.println("logged: " + log.of(name));
            assertThat(gone).as("seen gone after").isLessThan(SEEN_WITHIN.toMillis());
            assertThat(log.of(name)).anyMatch(l -> l.startsWith(name + ": disconnected: "));
            assertThat(log.of(name)).anyMatch(l -> l.startsWith(name + ": reconnected after "));
            stalls.assertNeverFroze(what);
        }
    }
}
