package org.duovirt.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool actions' flows without a window, on libvirt's test driver; the real libvirtd: StoragePoolsTabIT. */
class PoolActionsTest {
    private static final String POOL = "kvmpools-vm-test";
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<DuovirtException> jobErrors = new CopyOnWriteArrayList<>();
    private HostSession session;
    private StorageViewModel vm;
    private PoolActions actions;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        vm = new StorageViewModel(ui, session, new Jobs(ui, Sessions.TIMER, jobErrors::add), dialogs);
        actions = vm.poolActions();
        vm.refresh().join();
        Sessions.await("the pool selected", () -> vm.selectedPoolProperty().get() != null);
    }

    @AfterEach
    void close() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.pools().stream().filter(p -> p.name().startsWith("kvmpools-")).forEach(p -> host.deletePool(p.name(), false, true));
        }
        session.close();
    }

    private PoolInfo pool(String name) {
        return vm.pools().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void theDialogRefusesHostileAndTakenInputFieldByFieldThenThePoolIsMadeAsAJob() {
        dialogs.answerWizard(model -> {
            NewPoolViewModel m = (NewPoolViewModel) model;
            assertThat(m.nameProblemProperty().get()).isEqualTo("Give the pool a name.");
            m.nameProperty().set("a\"b $(x)");
            assertThat(m.nameProblemProperty().get()).contains("cannot name a pool");
            m.nameProperty().set("default-pool");
            assertThat(m.nameProblemProperty().get()).isEqualTo("The host already has a pool named 'default-pool'; choose another name.");
            m.nameProperty().set(POOL);
            assertThat(m.nameProblemProperty().get()).isNull();
            m.targetProperty().set("relative/dir");
            assertThat(m.targetProblemProperty().get()).contains("is relative");
            assertThat(m.validBinding().get()).isFalse();
            m.typeProperty().set(PoolSpec.Type.NETFS);
            assertThat(m.hostProblemProperty().get()).isEqualTo("Give the NFS server's host name or address.");
            m.typeProperty().set(PoolSpec.Type.DIR);
            assertThat(m.hostProblemProperty().get()).isNull();
            m.targetProperty().set("/tmp/kvmpools 'q' \"<x>\" ü");
            assertThat(m.validBinding().get()).isTrue();
            return true;
        });
        actions.newPool().join();
        assertThat(dialogs.errors).isEmpty();
        assertThat(jobErrors).isEmpty();
        assertThat(pool(POOL)).isNotNull();
        assertThat(pool(POOL).path()).isEqualTo("/tmp/kvmpools 'q' \"<x>\" ü");
        assertThat(pool(POOL).active()).isTrue();
    }

    @Test
    void startStopAutostartAndDeleteFollowTheSelectedPoolAndDeleteAsksFirst() {
        try (var host = Backends.installed().connect("test:///default")) {
            host.createPool(new PoolSpec(POOL, PoolSpec.Type.DIR, "/tmp/kvmpools-2", null, null, false, true, false));
        }
        vm.refresh().join();
        vm.selectedPoolProperty().set(pool(POOL));
        assertThat(actions.startReason().get()).isEqualTo("Pool " + POOL + " is already running.");
        assertThat(actions.stopReason().get()).isNull();
        actions.stop().join();
        assertThat(pool(POOL).active()).isFalse();
        assertThat(vm.selectedPoolProperty().get().name()).isEqualTo(POOL);
        assertThat(actions.stopReason().get()).isEqualTo("Pool " + POOL + " is not running.");
        actions.start().join();
        assertThat(pool(POOL).active()).isTrue();
        actions.setAutostart(true).join();
        assertThat(pool(POOL).autostart()).isTrue();

        dialogs.answerConfirm(false);
        actions.delete().join();
        assertThat(dialogs.asked).contains("confirm: Delete storage pool " + POOL + "?");
        assertThat(pool(POOL)).isNotNull();
        dialogs.answerConfirm(true).answerConfirm(false);
        actions.delete().join();
        assertThat(dialogs.asked).contains("confirm: Also remove the empty directory /tmp/kvmpools-2?");
        assertThat(jobErrors).isEmpty();
        assertThat(pool(POOL)).isNull();
    }

    @Test
    void nothingSelectedGreysEverythingButNewWithTheReason() {
        vm.selectedPoolProperty().set(null);
        assertThat(actions.selectReason().get()).isEqualTo("Select a pool first.");
        assertThat(actions.startReason().get()).isEqualTo("Select a pool first.");
        assertThat(actions.newReason()).isNull();
    }
}
