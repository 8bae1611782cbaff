package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duovirt vol-upload} then {@code vol-download} on the real libvirtd, in a transient dir pool of this test's
 * own: the file comes back with the same checksum, progress on stderr, --json names the file; an existing file is
 * refused in one sentence and left as it was.
 */
class CliVolDownloadIT {
    private static final String URI = "qemu:///system";
    private static final String POOL = "kvmhw-cli-dl-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);
    @TempDir
    static Path dir;

    @BeforeAll
    static void pool() throws Exception {
        Path target = Files.createDirectories(dir.resolve("pool"));
        Commands.ok(List.of("virsh", "-c", URI, "pool-create-as", POOL, "dir", "--target", target.toString()), Duration.ofMinutes(1));
    }

    @AfterAll
    static void tidy() {
        Commands.run(List.of("virsh", "-c", URI, "vol-delete", "--pool", POOL, "up.img"), Duration.ofMinutes(1));
        Commands.run(List.of("virsh", "-c", URI, "pool-destroy", POOL), Duration.ofMinutes(1));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aVolumeComesBackWithTheSameChecksumAndAnExistingFileIsNeverOverwritten() throws Exception {
        byte[] data = new byte[3 << 20];
        new Random(7).nextBytes(data);
        Path source = Files.write(dir.resolve("source.img"), data);
        CLI.ok("vol-upload", POOL, source.toString(), "--name", "up.img");

        Path copy = dir.resolve("copy \"1\".img");
        CliRun run = CLI.ok("vol-download", POOL, "up.img", copy.toString());
        assertThat(run.out().strip()).isEqualTo("Volume 'up.img' of pool '" + POOL + "' downloaded to " + copy + ".");
        assertThat(run.err()).contains("Downloaded 3 of 3 MiB (100%)");
        assertThat(sha256(copy)).isEqualTo(sha256(source));

        Path json = dir.resolve("copy2.img");
        assertThat(CLI.json("vol-download", POOL, "up.img", json.toString()).get("file").asText()).isEqualTo(json.toString());
        assertThat(sha256(json)).isEqualTo(sha256(source));

        Files.writeString(copy, "mine");
        assertThat(CLI.fails("vol-download", POOL, "up.img", copy.toString()).err()).contains("exists already");
        assertThat(Files.readString(copy)).isEqualTo("mine");
    }
}
