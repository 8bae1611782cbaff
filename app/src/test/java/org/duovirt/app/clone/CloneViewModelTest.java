package org.duovirt.app.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Clone form without a window, on the test driver's VM "test" (its disk is in no pool: shared by default). */
class CloneViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<DuovirtException> jobErrors = new CopyOnWriteArrayList<>();
    private HostSession session;
    private VmRow row;
    private CloneViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        row = Sessions.row(session, "test");
        vm = new CloneViewModel(ui, row, new Jobs(ui, Sessions.TIMER, jobErrors::add), dialogs);
        vm.load().join();
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.listVms(true).stream().filter(v -> v.name().startsWith("test-")).forEach(v -> host.delete(v.name(), false));
            if (host.listVms(true).stream().filter(v -> v.name().equals("test")).findFirst().orElseThrow().state() != VmState.RUNNING) {
                host.start("test");
            }
        }
        session.close();
    }

    @Test
    void aRunningVmCannotBeClonedAndTheFormSaysWhy() {
        assertThat(vm.problemProperty().get()).isEqualTo("test is not shut off; only a shut-off VM can be cloned.");
        assertThat(vm.cloneAsJob(new CompletableFuture<>())).isNull();
    }

    @Test
    void disksNotOwnedAreSharedByDefaultAndTheCloneRunsAsAJob() {
        session.call("force off", c -> {
            c.destroy("test");
            return null;
        }).join();
        Sessions.await("shut off", () -> row.state() == VmState.SHUTOFF);
        assertThat(vm.disks()).isNotEmpty();
        assertThat(vm.disks()).allSatisfy(d -> assertThat(d.choiceProperty().get()).isEqualTo(CloneDisk.SHARE));
        vm.newNameProperty().set("test");
        assertThat(vm.problemProperty().get()).contains("already a VM named test");
        vm.newNameProperty().set("bad/name");
        assertThat(vm.problemProperty().get()).contains("'/'");
        vm.newNameProperty().set("test-copy");
        assertThat(vm.problemProperty().get()).isNull();
        CompletableFuture<VmSummary> result = new CompletableFuture<>();
        Job job = vm.cloneAsJob(result);
        assertThat(job.finished().join()).isEqualTo(JobState.SUCCEEDED);
        assertThat(result.join().name()).isEqualTo("test-copy");
        assertThat(jobErrors).isEmpty();
    }

    @Test
    void choosingToCopyADiskOutsideAnyPoolFailsTheJobInOneSentenceAndLeavesNoClone() {
        session.call("force off", c -> {
            c.destroy("test");
            return null;
        }).join();
        Sessions.await("shut off", () -> row.state() == VmState.SHUTOFF);
        vm.newNameProperty().set("test-copy2");
        vm.disks().get(0).choiceProperty().set(CloneDisk.COPY);
        Job job = vm.cloneAsJob(new CompletableFuture<>());
        assertThat(job.finished().join()).isEqualTo(JobState.FAILED);
        assertThat(jobErrors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("is not in a storage pool"));
        try (var host = Backends.installed().connect("test:///default")) {
            assertThat(host.listVms(true)).noneMatch(v -> v.name().equals("test-copy2"));
        }
    }
}
