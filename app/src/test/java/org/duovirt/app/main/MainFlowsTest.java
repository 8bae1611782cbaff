package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.Messages;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.FakeHost;
import org.duovirt.app.host.HostList;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's ask → act → report flows, answered through the recording dialog service, no window. */
class MainFlowsTest {
    @TempDir
    Path dir;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final FakeHost host = new FakeHost() {
        @Override
        public List<StorageItem> storage(String vm) {
            calls.add("storage " + vm);
            return List.of(new StorageItem("vda", "/var/lib/libvirt/images/" + vm + ".qcow2", 1 << 30, true, null));
        }

        @Override
        public void delete(String vm, boolean withStorage) {
            calls.add("delete " + vm + (withStorage ? " with storage" : " keeping storage"));
            vms.remove(vm);
        }
    }.vm("web", VmState.RUNNING).vm("db", VmState.SHUTOFF);
    private MainViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        host.features = EnumSet.of(Feature.LIST, Feature.DESTROY, Feature.DELETE);
        ConnectionStore store = new ConnectionStore(dir);
        store.save(List.of(new ConnectionConfig("fake:///", "fake", true)));
        HostList hosts = new HostList(new DirectTaskExecutor(), uri -> host, Sessions.TIMER, Sessions.fast(), store,
                () -> new DefaultConnection.Opened(host, true));
        vm = new MainViewModel(new DirectTaskExecutor(), hosts, dialogs);
        hosts.start();
        await("two rows", () -> hosts.rows().size() == 2 && hosts.hosts().get(0).state() == HostState.CONNECTED);
    }

    private VmRow row(String name) {
        return vm.hostList().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void forceOffAsksFirstAndDoesNothingWhenDeclined() {
        vm.selection().setAll(row("web"));
        dialogs.answerConfirm(false);
        vm.forceOffSelected();
        assertThat(dialogs.asked).containsExactly("confirm: Force off web?");
        assertThat(host.calls).doesNotContain("destroy web");
    }

    @Test
    void forceOffConfirmedForcesTheVmOff() {
        vm.selection().setAll(row("web"));
        dialogs.answerConfirm(true);
        vm.forceOffSelected();
        await("destroyed", () -> host.calls.contains("destroy web"));
    }

    @Test
    void deleteNamesTheStorageAndDeletesItOnlyWhenChosen() {
        dialogs.answerDelete(true);
        vm.deleteWithQuestion(row("db")).join();
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0)).startsWith("delete: ").contains("db");
        await("deleted", () -> host.calls.contains("delete db with storage"));
    }

    @Test
    void deleteCancelledLeavesTheVm() {
        dialogs.answerDelete(null);
        vm.deleteWithQuestion(row("db")).join();
        assertThat(host.calls).contains("storage db").noneMatch(c -> c.startsWith("delete"));
    }

    @Test
    void aFailedActionReachesTheOneErrorDialog() {
        host.failWith = "Forcing off web failed: the host said no.";
        vm.selection().setAll(row("web"));
        dialogs.answerConfirm(true);
        vm.forceOffSelected();
        await("error shown", () -> dialogs.errors.size() == 1);
        assertThat(dialogs.asked).last().asString().startsWith("error: Forcing off web failed");
    }
}
