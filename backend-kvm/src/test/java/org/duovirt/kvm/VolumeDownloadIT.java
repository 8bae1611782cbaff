package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume downloaded from the real libvirtd (qemu:///system) over its stream: a transient dir pool of this test's
 * own under a temp dir, a 5 MiB volume with random data and a run of zeros uploaded into it, downloaded whole
 * (checksum equal), a cancel after the first MiB (nothing left in the folder), an existing file and an unknown
 * volume refused in one sentence.
 */
class VolumeDownloadIT {
    private static final String POOL = "kvmhw-dl-" + ProcessHandle.current().pid();
    private static final String VOLUME = "kvmhw-dl.img";
    @TempDir
    static Path dir;
    private static Path poolDir;
    private static Path source;
    private static HostConnection host;

    @BeforeAll
    static void pool() throws Exception {
        poolDir = Files.createDirectories(dir.resolve("pool"));
        LiveHost.virsh("pool-create-as", POOL, "dir", "--target", poolDir.toString());
        byte[] data = new byte[5 << 20];
        new Random(42).nextBytes(data);
        java.util.Arrays.fill(data, 1 << 20, 3 << 20, (byte) 0);
        source = Files.write(dir.resolve("source.img"), data);
        host = Backends.installed().connect(LiveHost.URI);
        host.uploadVolume(POOL, VOLUME, source, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        org.duovirt.core.testing.Commands.run(java.util.List.of("virsh", "-c", LiveHost.URI, "vol-delete", "--pool", POOL, VOLUME),
                java.time.Duration.ofMinutes(1));
        org.duovirt.core.testing.Commands.run(java.util.List.of("virsh", "-c", LiveHost.URI, "pool-destroy", POOL),
                java.time.Duration.ofMinutes(1));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theWholeVolumeArrivesWithTheSameChecksumAndProgressUpToTheEnd() throws Exception {
        Path target = dir.resolve("out dir with 'quotes'").resolve("copy.img");
        Files.createDirectories(target.getParent());
        double[] last = {-1};
        assertThat(host.downloadVolume(POOL, VOLUME, target, (step, fraction) -> last[0] = fraction)).isEqualTo(target);
        assertThat(sha256(target)).isEqualTo(sha256(source));
        assertThat(last[0]).isEqualTo(1.0);
        try (var files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("copy.img");
        }
        assertThatThrownBy(() -> host.downloadVolume(POOL, VOLUME, target, ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("exists already").hasMessageContaining("nothing is overwritten");
        assertThat(sha256(target)).isEqualTo(sha256(source));
    }

    @Test
    void aCancelAfterTheFirstMegabyteLeavesNothingBehind() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cancelled"));
        AtomicInteger chunks = new AtomicInteger();
        ProgressListener cancelSoon = new ProgressListener() {
            @Override
            public void progress(String step, double fraction) {
                chunks.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return chunks.get() >= 1;
            }
        };
        assertThatThrownBy(() -> host.downloadVolume(POOL, VOLUME, folder.resolve("copy.img"), cancelSoon))
                .isInstanceOf(DuovirtException.class).hasMessageContaining("was cancelled; the partial file was removed");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> host.downloadVolume(POOL, "no-such.img", folder.resolve("x.img"), ProgressListener.NONE))
                .hasMessage("Pool '" + POOL + "' has no volume named 'no-such.img'.");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
