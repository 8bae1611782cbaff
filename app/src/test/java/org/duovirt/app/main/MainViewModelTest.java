package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.Messages;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.FakeHost;
import org.duovirt.app.host.HostList;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.Feature;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main view model without a window, over an in-memory host. */
class MainViewModelTest {
    @TempDir
    Path dir;
    private final FakeHost host = new FakeHost().vm("web", VmState.RUNNING).vm("db", VmState.SHUTOFF).vm("old", VmState.PAUSED);
    private MainViewModel vm;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        ConnectionStore store = new ConnectionStore(dir);
        store.save(List.of(new ConnectionConfig("fake:///", "fake", true)));
        HostList hosts = new HostList(new DirectTaskExecutor(), uri -> host, Sessions.TIMER, Sessions.fast(), store,
                () -> new DefaultConnection.Opened(host, true));
        vm = new MainViewModel(new DirectTaskExecutor(), hosts);
        hosts.start();
        await("three rows", () -> hosts.rows().size() == 3 && hosts.hosts().get(0).state() == HostState.CONNECTED);
    }

    private VmRow row(String name) {
        return vm.hostList().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void actionsFollowTheStateOfTheSelection() {
        vm.selection().setAll(row("web"));
        assertThat(vm.enabledProperty(VmAction.PAUSE).get()).isTrue();
        assertThat(vm.enabledProperty(VmAction.START).get()).isFalse();
        assertThat(vm.enabledProperty(VmAction.RESUME).get()).isFalse();
        vm.selection().setAll(row("db"));
        assertThat(vm.enabledProperty(VmAction.START).get()).isTrue();
        assertThat(vm.enabledProperty(VmAction.SHUTDOWN).get()).isFalse();
        vm.selection().setAll(row("web"), row("db"), row("old"));
        assertThat(vm.targets(VmAction.START)).extracting(VmRow::name).containsExactly("db");
        assertThat(vm.targets(VmAction.FORCE_OFF)).extracting(VmRow::name).containsExactlyInAnyOrder("web", "old");
    }

    @Test
    void actionsTheHostDoesNotSupportAreDisabled() {
        vm.selection().setAll(row("web"));
        assertThat(host.features).doesNotContain(Feature.SAVE, Feature.REBOOT, Feature.TEXT_CONSOLE);
        assertThat(vm.enabledProperty(VmAction.SAVE).get()).isFalse();
        assertThat(vm.enabledProperty(VmAction.REBOOT).get()).isFalse();
        assertThat(vm.enabledProperty(VmAction.CONSOLE).get()).isFalse();
        assertThat(vm.enabledProperty(VmAction.DETAILS).get()).isTrue();
    }

    @Test
    void bulkActionsRunOnEverySelectedVmTheyApplyTo() {
        vm.selection().setAll(row("web"), row("db"), row("old"));
        vm.run(VmAction.FORCE_OFF);
        await("both forced off", () -> host.calls.containsAll(List.of("destroy web", "destroy old")));
        assertThat(host.calls).doesNotContain("destroy db");
        await("rows follow", () -> row("web").state() == VmState.SHUTOFF && row("old").state() == VmState.SHUTOFF);
        await("start now applies to all three", () -> vm.enabledProperty(VmAction.START).get() && vm.targets(VmAction.START).size() == 3);
    }

    @Test
    void aFailedActionReachesTheErrorHandlerAndTheStatusLine() {
        List<DuovirtException> errors = new CopyOnWriteArrayList<>();
        vm.setErrorHandler(errors::add);
        host.failWith = "Starting db failed: no bootable disk.";
        vm.selection().setAll(row("db"));
        vm.run(VmAction.START);
        await("error reported", () -> errors.size() == 1);
        assertThat(errors.get(0).userMessage()).isEqualTo("Starting db failed: no bootable disk. Try again.");
        assertThat(vm.lastErrorProperty().get()).isEqualTo("Starting db failed: no bootable disk.");
    }

    @Test
    void withNoSavedConnectionTheDefaultDemoHostIsOpenedAndLabelled() {
        FakeHost demo = new FakeHost().vm("test", VmState.RUNNING);
        HostList hosts = new HostList(new DirectTaskExecutor(), uri -> demo, Sessions.TIMER, Sessions.fast(),
                new ConnectionStore(dir.resolve("empty")), () -> new DefaultConnection.Opened(demo, true));
        hosts.start();
        await("demo host connected", () -> hosts.hosts().size() == 1 && hosts.hosts().get(0).state() == HostState.CONNECTED
                && hosts.rows().size() == 1);
        assertThat(hosts.hosts().get(0).demo()).isTrue();
        assertThat(hosts.hosts().get(0).displayName()).isEqualTo("Demo (libvirt test driver)");
        assertThat(hosts.hosts().get(0).config().uri()).isEqualTo("test:///default");
        assertThat(new ConnectionStore(dir.resolve("empty")).load()).as("the default is not saved").isEmpty();
    }

    @Test
    void filterAndHostSelectionNarrowTheVisibleRows() {
        vm.filterTextProperty().set("paus");
        assertThat(vm.visibleRows()).extracting(VmRow::name).containsExactly("old");
        // "o" is in the name "old" and in the state "shut off" of db, not in "web", "running" or "fake".
        vm.filterTextProperty().set("o");
        assertThat(vm.visibleRows()).extracting(VmRow::name).containsExactlyInAnyOrder("db", "old");
        vm.filterTextProperty().set("");
        vm.hostFilterProperty().set(vm.hostList().hosts().get(0));
        assertThat(vm.visibleRows()).hasSize(3);
        assertThat(vm.statusProperty().get()).isEqualTo("1 host: 1 connected, 0 connecting, 0 disconnected");
    }

    @Test
    void aHostsErrorLeavesTheStatusLineWhenTheHostIsBack() {
        HostSession session = vm.hostList().hosts().get(0);
        host.listeners.forEach(l -> l.connectionLost("the host closed the connection"));
        await("error shown", () -> "the host closed the connection".equals(vm.lastErrorProperty().get()));
        await("back", () -> session.state() == HostState.CONNECTED);
        await("error gone", () -> vm.lastErrorProperty().get().isEmpty());
    }
}
