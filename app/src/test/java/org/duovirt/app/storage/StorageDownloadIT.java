package org.duovirt.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage tab's Download as a job on the real libvirtd (qemu:///system), in a transient dir pool of this test's
 * own: a volume saved where the (recorded) file dialog says, checksum equal; a 1 GiB sparse volume's download
 * cancelled at its first progress, leaving nothing in the folder.
 */
class StorageDownloadIT {
    private static final String URI = "qemu:///system";
    private static final String POOL = "kvmhw-gui-dl-" + ProcessHandle.current().pid();
    @TempDir
    static Path dir;
    private static Path source;
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<DuovirtException> jobErrors = new CopyOnWriteArrayList<>();
    private HostSession session;
    private StorageViewModel vm;
    private Jobs jobs;

    private static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

    @BeforeAll
    static void pool() throws Exception {
        virsh("pool-create-as", POOL, "dir", "--target", Files.createDirectories(dir.resolve("pool")).toString());
        byte[] data = new byte[2 << 20];
        new Random(3).nextBytes(data);
        source = Files.write(dir.resolve("source.img"), data);
        try (var host = Backends.installed().connect(URI)) {
            host.uploadVolume(POOL, "small.img", source, org.duovirt.core.spi.ProgressListener.NONE);
        }
        virsh("vol-create-as", POOL, "big.img", "1G", "--format", "raw");
    }

    @AfterAll
    static void tidy() {
        for (String v : List.of("small.img", "big.img")) {
            Commands.run(List.of("virsh", "-c", URI, "vol-delete", "--pool", POOL, v), Duration.ofMinutes(1));
        }
        Commands.run(List.of("virsh", "-c", URI, "pool-destroy", POOL), Duration.ofMinutes(1));
    }

    @BeforeEach
    void open() {
        session = Sessions.session(URI, uri -> Backends.installed().connect(uri), org.duovirt.app.host.Timeouts.standard());
        session.connect();
        Sessions.await("connected", () -> session.state() == org.duovirt.app.host.HostState.CONNECTED);
        jobs = new Jobs(ui, Sessions.TIMER, jobErrors::add);
        vm = new StorageViewModel(ui, session, jobs, dialogs);
        vm.refresh().join();
        Sessions.await("our pool listed", () -> vm.pools().stream().anyMatch(p -> p.name().equals(POOL)));
        vm.selectedPoolProperty().set(vm.pools().stream().filter(p -> p.name().equals(POOL)).findFirst().orElseThrow());
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void select(String volume) {
        Sessions.await(volume + " listed", () -> vm.volumes().stream().anyMatch(v -> v.name().equals(volume)));
        vm.selectedVolumeProperty().set(vm.volumes().stream().filter(v -> v.name().equals(volume)).findFirst().orElseThrow());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theVolumeIsSavedWhereTheDialogSaysWithTheSameChecksum() throws Exception {
        select("small.img");
        Path file = Files.createDirectories(dir.resolve("saved")).resolve("small copy.img");
        dialogs.answerFile(file);
        Job job = vm.download();
        assertThat(job.finished().join()).as("%s", jobErrors).isEqualTo(JobState.SUCCEEDED);
        assertThat(dialogs.asked).contains("save: Save volume small.img on this machine");
        assertThat(sha256(file)).isEqualTo(sha256(source));
    }

    @Test
    void aCancelledDownloadLeavesNothingInTheFolder() throws Exception {
        select("big.img");
        Path folder = Files.createDirectories(dir.resolve("cancel"));
        dialogs.answerFile(folder.resolve("big.img"));
        // Cancelled at its first "Downloaded …" (DirectTaskExecutor runs the UI update on the job's thread, before the next MiB).
        jobs.jobs().addListener((javafx.collections.ListChangeListener<Job>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(j -> j.messageProperty().addListener((o, a, b) -> {
                    if (b != null && b.startsWith("Downloaded ")) {
                        j.cancel();
                    }
                }));
            }
        });
        Job job = vm.download();
        assertThat(job.finished().join()).isEqualTo(JobState.CANCELLED);
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
