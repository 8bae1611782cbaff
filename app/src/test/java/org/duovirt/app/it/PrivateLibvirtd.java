package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A libvirtd of a test's own, so the test may kill it: run as nobody in session mode, its sockets, state and
 * images under a temp dir in /tmp (never the shared system daemon). With {@code drivers} it loads the real
 * driver modules (QEMU session driver, storage; TCG only, its logs to files) so what a job makes persists
 * across a kill; without, it serves only libvirt's built-in test driver.
 */
final class PrivateLibvirtd implements AutoCloseable {
    private static final Path DRIVERS = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver");
    private final Path dir;
    private final boolean drivers;
    private Process daemon;

    PrivateLibvirtd(boolean drivers) throws Exception {
        this.drivers = drivers;
        this.dir = Files.createTempDirectory(Path.of("/tmp"), "hard-lv-");
        for (String sub : List.of("run", "home/.config/libvirt", "home/pool", "empty")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // No virtlogd of its own to clean up after: QEMU's output goes straight to files.
        Files.writeString(dir.resolve("home/.config/libvirt/qemu.conf"), "stdio_handler = \"file\"\n");
        assertThat(new ProcessBuilder("chown", "-R", "nobody:nogroup", dir.toString()).inheritIO().start().waitFor()).isZero();
    }

    Path dir() {
        return dir;
    }

    Path socket() {
        return dir.resolve("run/libvirt/libvirt-sock");
    }

    /** The URI of this daemon's QEMU session driver, or of its test driver without driver modules. */
    String uri() {
        return (drivers ? "qemu+unix:///session" : "test+unix:///default") + "?socket=" + socket();
    }

    /** The file the QEMU session driver keeps a defined VM's XML in. */
    Path definition(String vm) {
        return dir.resolve("home/.config/libvirt/qemu/" + vm + ".xml");
    }

    /** The directory of the dir pool "default" ({@link #definePool}). */
    Path pool() {
        return dir.resolve("home/pool");
    }

    void start() throws IOException, InterruptedException {
        // A killed daemon leaves its socket file behind; the new one answers once it has bound a fresh one.
        Files.deleteIfExists(socket());
        ProcessBuilder b = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "libvirtd", "--timeout", "0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("home/daemon.log").toFile()));
        b.environment().clear();
        b.environment().putAll(Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "HOME", dir.resolve("home").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("run").toString(),
                "LIBVIRT_DRIVER_DIR", drivers ? DRIVERS.toString() : dir.resolve("empty").toString()));
        daemon = b.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(socket()).exists();
    }

    /** The daemon's process id (setpriv execs libvirtd in place). */
    long pid() {
        return daemon.pid();
    }

    /** Stops the daemon where it is (SIGSTOP): calls in flight stay unanswered until {@link #kill}. */
    void freeze() throws Exception {
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pid())).inheritIO().start().waitFor()).isZero();
    }

    /** Lets a {@link #freeze}d daemon run on (SIGCONT). */
    void thaw() throws Exception {
        assertThat(new ProcessBuilder("kill", "-CONT", Long.toString(pid())).inheritIO().start().waitFor()).isZero();
    }

    /** SIGKILL, as the OOM killer or a crash would. */
    void kill() throws InterruptedException {
        daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Defines and starts the dir pool "default" in {@link #pool()} (QEMU session driver only). */
    void definePool() throws Exception {
        virsh("pool-define-as", "default", "dir", "--target", pool().toString());
        virsh("pool-start", "default");
    }

    /** Runs virsh against this daemon; returns its output, failing the test when it fails. */
    String virsh(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("virsh", "-q", "-c", uri()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("virsh " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    /** Processes (QEMU) still running from this daemon's files, found by their command lines naming its dir. */
    List<ProcessHandle> children() {
        return ProcessHandle.allProcesses().filter(h -> h.pid() != pid() && h.info().commandLine().map(c -> c.contains(dir.toString())
                && !c.startsWith("setpriv") && !c.contains("libvirtd")).orElse(false)).toList();
    }

    @Override
    public void close() throws Exception {
        if (daemon != null) {
            kill();
        }
        for (ProcessHandle h : children()) {
            h.destroyForcibly();
        }
        new ProcessBuilder("rm", "-rf", "--", dir.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
}
