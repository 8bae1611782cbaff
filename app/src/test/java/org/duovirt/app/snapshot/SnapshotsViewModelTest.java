package org.duovirt.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Snapshots tab's flows without a window, on the test driver's running VM "test". */
class SnapshotsViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private SnapshotsViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        VmRow row = Sessions.row(session, "test");
        vm = new SnapshotsViewModel(ui, row, dialogs);
        vm.refresh().join();
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.snapshots("test").forEach(s -> host.deleteSnapshot("test", s.name()));
            if (host.listVms(true).get(0).state() != VmState.RUNNING) {
                host.start("test");
            }
        }
        session.close();
    }

    @Test
    void takesASnapshotWithItsDescriptionAndListsItWithTimeAndState() {
        vm.nameProperty().set("before \"upgrade\"");
        vm.descriptionProperty().set("kernel 6.1, <clean>");
        assertThat(vm.problemProperty().get()).isNull();
        vm.create().join();
        assertThat(dialogs.errors).isEmpty();
        SnapshotInfo s = vm.snapshots().stream().filter(x -> x.name().equals("before \"upgrade\"")).findFirst().orElseThrow();
        assertThat(s.description()).isEqualTo("kernel 6.1, <clean>");
        assertThat(s.state()).isEqualTo(VmState.RUNNING);
        assertThat(s.created()).isNotNull();
        assertThat(vm.nameProperty().get()).isEmpty();
    }

    @Test
    void aNameWithANewlineIsRefusedNextToTheField() {
        vm.nameProperty().set("a\nb");
        assertThat(vm.problemProperty().get()).contains("control characters");
        vm.nameProperty().set("");
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void revertAndDeleteAskFirstAndANoChangesNothing() {
        vm.nameProperty().set("s1");
        vm.create().join();
        vm.selectedProperty().set(vm.snapshots().get(0));
        dialogs.answerConfirm(false);
        vm.revertSelected().join();
        assertThat(dialogs.asked).contains("confirm: Revert test to snapshot s1?");
        dialogs.answerConfirm(true);
        vm.revertSelected().join();
        assertThat(dialogs.errors).isEmpty();
        vm.selectedProperty().set(vm.snapshots().get(0));
        dialogs.answerConfirm(false);
        vm.deleteSelected().join();
        assertThat(vm.snapshots()).hasSize(1);
        vm.selectedProperty().set(vm.snapshots().get(0));
        dialogs.answerConfirm(true);
        vm.deleteSelected().join();
        assertThat(dialogs.asked).contains("confirm: Delete snapshot s1?");
        assertThat(vm.snapshots()).isEmpty();
    }
}
