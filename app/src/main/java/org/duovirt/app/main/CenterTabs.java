package org.duovirt.app.main;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.duovirt.app.Messages;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.console.ConsoleViewModel;
import org.duovirt.app.details.HardwareView;
import org.duovirt.app.details.HardwareViewModel;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.graphics.ChannelSource;
import org.duovirt.app.graphics.Detacher;
import org.duovirt.app.graphics.GraphicsConsoleView;
import org.duovirt.app.graphics.GraphicsConsoleViewModel;
import org.duovirt.app.graphics.GraphicsConsoles;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.perf.PerformanceView;
import org.duovirt.app.perf.PerformanceViewModel;
import org.duovirt.app.pinning.PinEditorView;
import org.duovirt.app.pinning.PinEditorViewModel;
import org.duovirt.app.pinning.PollingCurrentCpuFeed;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.error.DuovirtException;

/** The centre: the VM table as the first tab, then one tab per open details view or console. */
final class CenterTabs extends TabPane {
    private final TaskExecutor ui;
    private final Consumer<DuovirtException> errors;
    private final Map<String, Tab> open = new HashMap<>();
    private final org.duovirt.app.dialog.DialogService dialogs;
    private final ConsoleSwitch consoles = new ConsoleSwitch(this::openConsole, this::openGraphics);

    CenterTabs(VmTableView table, TaskExecutor ui, Consumer<DuovirtException> errors, org.duovirt.app.dialog.DialogService dialogs) {
        this.ui = ui;
        this.errors = errors;
        this.dialogs = dialogs;
        setId("center-tabs");
        Tab vms = new Tab(Messages.get("tab.vms"), table);
        vms.setId("tab-vms");
        vms.setClosable(false);
        vms.setGraphic(Icons.icon("vm"));
        vms.selectedProperty().addListener((o, was, now) -> table.setShowing(now));
        getTabs().add(vms);
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> consoles.selected(now));
    }

    void openDetails(VmRow row) {
        String key = "details:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        HardwareViewModel vm = new HardwareViewModel(ui, row, dialogs);
        vm.resources().setErrorHandler(errors);
        HardwareView view = new HardwareView(vm);
        view.setOnOpenPinning(() -> openPinning(row));
        if (row.host().supports(org.duovirt.core.spi.Feature.STATS)) {
            view.setOnPerformance(() -> openPerformance(row));
        }
        Tab tab = new Tab(Messages.get("tab.details", row.name()), view);
        tab.setGraphic(Icons.icon("action.details"));
        add(key, tab, null);
        vm.overview().setOnRenamed(newName -> {
            close(tab);
            org.duovirt.app.details.RenamedVm.whenListed(row.host(), newName, this::openDetails);
        });
        vm.load();
    }

    void openPinning(VmRow row) {
        String key = "pinning:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        PinEditorViewModel vm = new PinEditorViewModel(ui, row, new PollingCurrentCpuFeed(row, java.time.Duration.ofSeconds(2)),
                row.host().stats().hostLoad(), row.host().statsInterval());
        vm.setErrorHandler(errors);
        Tab tab = new Tab(Messages.get("tab.pinning", row.name()), new PinEditorView(vm));
        tab.setGraphic(Icons.icon("action.pinning"));
        add(key, tab, vm::close);
        vm.load();
    }

    void openPerformance(VmRow row) {
        String key = "performance:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        PerformanceViewModel vm = new PerformanceViewModel(ui, row.host().stats(), row.name(),
                row.host().statsInterval(), System::currentTimeMillis);
        Tab tab = new Tab(Messages.get("tab.performance", row.name()), new PerformanceView(vm));
        tab.setGraphic(Icons.icon("action.performance"));
        add(key, tab, vm::close);
        vm.open();
    }

    void openConsole(VmRow row) {
        String key = "console:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        ConsoleViewModel vm = new ConsoleViewModel(ui, row);
        ConsoleView view = new ConsoleView(vm);
        Tab tab = new Tab(Messages.get("tab.console", row.name()), view);
        tab.setGraphic(Icons.icon("action.console"));
        switchable(tab, ConsoleSwitch.Kind.TEXT, row);
        view.setOnSwitch(consoles.canSwitch(tab) ? () -> switchConsole(tab) : null,
                Shortcuts.SWITCH_CONSOLE);
        add(key, tab, () -> {
            vm.close();
            view.dispose();
        });
        vm.open();
        view.focusTerminal();
    }

    /** The VM's graphical console in a tab of its own (several at once; each can be detached). */
    void openGraphics(VmRow row) {
        String key = "graphics:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        GraphicsConsoleViewModel vm = new GraphicsConsoleViewModel(ui, row.host().config().uri(), row.name(),
                ChannelSource.of(row), GraphicsConsoles.scalings());
        GraphicsConsoleView view = new GraphicsConsoleView(vm);
        Tab tab = new Tab(Messages.get("tab.graphics", row.name()), view);
        tab.setGraphic(Icons.icon("action.graphics"));
        Detacher detacher = new Detacher(tab, view);
        switchable(tab, ConsoleSwitch.Kind.GRAPHICS, row);
        view.setOnSwitch(consoles.canSwitch(tab) ? () -> switchConsole(tab) : null,
                Shortcuts.SWITCH_CONSOLE);
        javafx.beans.value.ChangeListener<org.duovirt.core.model.VmState> state =
                (o, was, now) -> vm.vmRunning(GraphicsConsoles.running(now));
        row.stateProperty().addListener(state);
        vm.vmRunning(GraphicsConsoles.running(row.state()));
        add(key, tab, () -> {
            row.stateProperty().removeListener(state);
            detacher.dispose();
            vm.close();
        });
        vm.open();
    }

    /** A host's tab (storage, networks, overview), once per host and kind; content that is AutoCloseable is closed with it. */
    void openHostTab(String key, String title, javafx.scene.Node content) {
        if (focus(key)) {
            return;
        }
        Tab tab = new Tab(title, content);
        add(key, tab, content instanceof AutoCloseable c ? () -> closeQuietly(c) : null);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a view's close only lets go of its subscriptions
        }
    }

    /** Whether the selected tab is a console whose VM has the other kind too (for the View menu). */
    javafx.beans.value.ObservableBooleanValue canSwitchConsole() {
        return consoles.possibleProperty();
    }

    /** From the selected console tab to the same VM's other console (opened if need be); the first stays open. */
    void switchConsole() {
        switchConsole(getSelectionModel().getSelectedItem());
    }

    private void switchConsole(Tab from) {
        if (!consoles.switchFrom(from)) {
            return;
        }
        Tab now = getSelectionModel().getSelectedItem();
        if (now != null && now.getContent() instanceof ConsoleView text) {
            text.focusTerminal();
        }
        if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.toFront(); // the switch may come from a detached console's own window
        }
    }

    /** Registers a console tab for the switch and gives it a context menu with the switch in it. */
    private void switchable(Tab tab, ConsoleSwitch.Kind kind, VmRow row) {
        consoles.register(tab, kind, row);
        javafx.scene.control.MenuItem other = new javafx.scene.control.MenuItem(Messages.get(
                kind == ConsoleSwitch.Kind.GRAPHICS ? "console-switch.to-text" : "console-switch.to-graphics"));
        other.setId("tab-menu-switch-console");
        other.setAccelerator(Shortcuts.SWITCH_CONSOLE);
        other.setDisable(!consoles.canSwitch(tab));
        other.setOnAction(e -> switchConsole(tab));
        javafx.scene.control.MenuItem close = new javafx.scene.control.MenuItem(Messages.get("menu.view.close-tab"));
        close.setId("tab-menu-close");
        close.setOnAction(e -> close(tab));
        tab.setContextMenu(new javafx.scene.control.ContextMenu(other, close));
    }

    void closeCurrent() {
        Tab t = getSelectionModel().getSelectedItem();
        if (t != null) {
            close(t);
        }
    }

    /**
     * Closes every tab that can be closed, as if the user had closed it: consoles let go of their streams and
     * their terminals' repaint timers (JediTermFX's timer throws on every frame once its terminal is collected
     * undisposed), graphs stop sampling.
     */
    void closeAll() {
        List.copyOf(getTabs()).forEach(this::close);
    }

    private void close(Tab t) {
        if (t.isClosable()) {
            getTabs().remove(t);
            if (t.getOnClosed() != null) {
                t.getOnClosed().handle(null);
            }
        }
    }

    private boolean focus(String key) {
        Tab existing = open.get(key);
        if (existing != null) {
            getSelectionModel().select(existing);
            return true;
        }
        return false;
    }

    private void add(String key, Tab tab, Runnable onClose) {
        tab.setId("tab-" + key);
        tab.setOnClosed(e -> {
            open.remove(key);
            consoles.unregister(tab);
            if (onClose != null) {
                onClose.run();
            }
        });
        open.put(key, tab);
        getTabs().add(tab);
        getSelectionModel().select(tab);
    }
}
