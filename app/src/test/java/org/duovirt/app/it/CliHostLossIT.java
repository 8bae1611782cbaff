package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code duovirt create} process whose host vanishes, live: the CLI (a process of its own, as a user runs it)
 * creates a VM with a new disk and --start on a libvirtd of this test's own (real QEMU session driver, dir pool);
 * the daemon is frozen the moment the definition is on disk (the CLI is then inside its start call) and killed.
 * The CLI must exit non-zero with one sentence and leave its pending removal in the journal; once the daemon
 * answers again, the next {@code duovirt list} against it removes the VM and its disk before listing.
 */
class CliHostLossIT {
    @TempDir
    Path state;
    private PrivateLibvirtd daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = new PrivateLibvirtd(true);
        daemon.start();
        daemon.definePool();
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    private Process cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dduovirt.state.dir=" + state, "-Dduovirt.config.dir=" + state.resolve("config"),
                "org.duovirt.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd);
        b.environment().remove("DUOVIRT_CONNECT");
        return b.start();
    }

    private static String[] finish(Process p, Duration within) throws Exception {
        // Read both streams beside the wait, so a full pipe never blocks the process.
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(within.toSeconds(), TimeUnit.SECONDS)).as("the CLI ended").isTrue();
        return new String[] {Integer.toString(p.exitValue()), out.get(), err.get()};
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void aCliCreationWhoseDaemonIsKilledIsRemovedByTheNextListOnceTheDaemonIsBack() throws Exception {
        String name = "hostloss-cli-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Path journal = state.resolve("pending-removals.json");
        Process create = cli("create", "--name", name, "--memory", "64", "--virt-type", "qemu", "--disk", "0.05", "--pool", "default",
                "--start", "-c", daemon.uri());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(daemon.definition(name))) {
            assertThat(System.nanoTime()).as("the definition of " + name + " written").isLessThan(deadline);
            assertThat(create.isAlive()).as("the CLI still runs before its definition is written").isTrue();
            Thread.sleep(1);
        }
        daemon.freeze();
        assertThat(create.isAlive()).as("the CLI is still at work when its daemon vanishes").isTrue();
        assertThat(Files.readString(journal)).as("its pending removal, written before it made anything").contains("\"vm\" : \"" + name + "\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        daemon.kill();
        long killedAt = System.nanoTime();
        String[] created = finish(create, Duration.ofSeconds(120));
        long failedMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("CLI creation on a vanishing host: exit %s %d ms after the kill; stderr:%n%s%n", created[0], failedMs, created[2]);
        assertThat(created[0]).isEqualTo("1");
        List<String> errors = created[2].lines().filter(l -> l.startsWith("duovirt: ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("stopped answering while VM '" + name + "' was being created")
                .contains("removed the next time Duovirt connects to it");
        String pending = Files.readString(journal);
        assertThat(pending).contains(name).doesNotContain("password");

        daemon.start();
        assertThat(daemon.virsh("list", "--all", "--name")).as("left half-made").contains(name);
        String[] listed = finish(cli("list", "--all", "-c", daemon.uri()), Duration.ofSeconds(120));
        System.out.printf("the next duovirt list: exit %s; stderr:%n%s%nstdout:%n%s%n", listed[0], listed[2], listed[1]);
        assertThat(listed[0]).isEqualTo("0");
        assertThat(listed[2].strip()).startsWith("duovirt: Removed the VM '" + name + "' and the storage made for it from ")
                .contains("a creation interrupted when the host vanished");
        assertThat(listed[2].lines().count()).as("one sentence").isEqualTo(1);
        assertThat(listed[1]).doesNotContain(name);
        assertThat(Files.readString(state.resolve("duovirt.log"))).as("logged").contains("Removed the VM '" + name + "'");
        assertThat(daemon.virsh("list", "--all", "--name")).doesNotContain(name);
        assertThat(daemon.virsh("vol-list", "default")).doesNotContain(name);
        try (var files = Files.list(daemon.pool())) {
            assertThat(files).as("files left in the pool").isEmpty();
        }
        assertThat(daemon.definition(name)).doesNotExist();
        assertThat(journal).as("the journal, empty, is gone").doesNotExist();
        // And the one after says nothing more.
        String[] again = finish(cli("list", "--all", "-c", daemon.uri()), Duration.ofSeconds(120));
        assertThat(again[0]).isEqualTo("0");
        assertThat(again[2]).doesNotContain("Removed");
    }
}
