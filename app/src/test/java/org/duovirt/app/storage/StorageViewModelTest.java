package org.duovirt.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Storage tab's flows without a window, on libvirt's test driver (its pool "default-pool"). */
class StorageViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<DuovirtException> jobErrors = new CopyOnWriteArrayList<>();
    private HostSession session;
    private StorageViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        vm = new StorageViewModel(ui, session, new Jobs(ui, Sessions.TIMER, jobErrors::add), dialogs);
        vm.refresh().join();
        Sessions.await("the pool selected", () -> vm.selectedPoolProperty().get() != null);
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.volumes("default-pool").stream().filter(v -> v.name().startsWith("det-"))
                    .forEach(v -> host.deleteVolume("default-pool", v.name(), true));
        }
        session.close();
    }

    @Test
    void showsThePoolsWithCapacityAllocationAndFreeSpace() {
        assertThat(vm.pools()).extracting(p -> p.name()).contains("default-pool");
        var pool = vm.selectedPoolProperty().get();
        assertThat(pool.capacityBytes()).isPositive();
        assertThat(pool.availableBytes()).isPositive();
        assertThat(vm.unsupportedReason(org.duovirt.core.spi.Feature.VOLUMES)).isNull();
    }

    @Test
    void problemsOfTheNewVolumeShowBeforeAnythingIsSent() {
        assertThat(vm.newProblemProperty().get()).isEqualTo("Give the new volume a name.");
        vm.newNameProperty().set("my \"disk\"\n");
        assertThat(vm.newProblemProperty().get()).contains("cannot name a volume");
        vm.newNameProperty().set("det-a.qcow2");
        vm.newSizeProperty().set("ten gigs");
        assertThat(vm.newProblemProperty().get()).contains("is not a size");
        vm.newSizeProperty().set("900T");
        assertThat(vm.newProblemProperty().get()).contains("does not fit");
        vm.newSizeProperty().set("16M");
        assertThat(vm.newProblemProperty().get()).isNull();
        vm.createVolume().join();
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.volumes()).extracting(VolumeInfo::name).contains("det-a.qcow2");
        assertThat(vm.newNameProperty().get()).isEmpty();
    }

    @Test
    void deleteAsksNamingTheVolumeAndKeepsItWhenTheAnswerIsNo() {
        vm.newNameProperty().set("det-b.qcow2");
        vm.newSizeProperty().set("8M");
        vm.createVolume().join();
        select("det-b.qcow2");
        dialogs.answerConfirm(false);
        vm.deleteSelected().join();
        assertThat(dialogs.asked).contains("confirm: Delete volume det-b.qcow2?");
        assertThat(vm.volumes()).extracting(VolumeInfo::name).contains("det-b.qcow2");
        dialogs.answerConfirm(true);
        vm.deleteSelected().join();
        assertThat(vm.volumes()).extracting(VolumeInfo::name).doesNotContain("det-b.qcow2");
    }

    @Test
    void growingChecksTheSizeFirstAndReportsWhatTheHostRefuses() {
        vm.newNameProperty().set("det-c.qcow2");
        vm.newSizeProperty().set("8M");
        vm.createVolume().join();
        select("det-c.qcow2");
        vm.growSizeProperty().set("4M");
        assertThat(vm.growProblemProperty().get()).contains("only grows");
        vm.growSizeProperty().set("12M");
        assertThat(vm.growProblemProperty().get()).isNull();
        // The test driver cannot resize (the real libvirtd can: StorageTabIT); the refusal is one sentence.
        vm.growSelected().join();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .startsWith("Growing volume 'det-c.qcow2' of pool 'default-pool' failed"));
        assertThat(find("det-c.qcow2").capacityBytes()).isEqualTo(8L << 20);
    }

    @Test
    void anUploadTheHostCannotTakeFailsItsJobWithOneSentenceAndLeavesNoVolume(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("det-up.iso"), "x".repeat(4096));
        dialogs.answerFile(file);
        Job job = vm.upload();
        assertThat(job.finished().join()).isEqualTo(JobState.FAILED);
        assertThat(jobErrors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .startsWith("Uploading 'det-up.iso' into pool 'default-pool' failed"));
        Sessions.await("volumes reread", () -> vm.volumes().stream().noneMatch(v -> v.name().equals("det-up.iso")));
    }

    @Test
    void noFileChosenMeansNoJob() {
        dialogs.answerFile(null);
        assertThat(vm.upload()).isNull();
    }

    @Test
    void aDownloadTheHostCannotServeFailsItsJobWithOneSentenceAndLeavesNoFile(@TempDir Path dir) throws Exception {
        vm.newNameProperty().set("det-d.img");
        vm.newSizeProperty().set("8M");
        vm.createVolume().join();
        select("det-d.img");
        dialogs.answerFile(null);
        assertThat(vm.download()).as("no file chosen").isNull();
        Path file = dir.resolve("det-down.img");
        dialogs.answerFile(file);
        Job job = vm.download();
        assertThat(job.finished().join()).isEqualTo(JobState.FAILED);
        assertThat(jobErrors).singleElement().satisfies(e -> assertThat(e.getMessage()).startsWith("Downloading volume '"));
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    private void select(String name) {
        Sessions.await(name + " listed", () -> vm.volumes().stream().anyMatch(v -> v.name().equals(name)));
        vm.selectedVolumeProperty().set(find(name));
    }

    private VolumeInfo find(String name) {
        return vm.volumes().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
