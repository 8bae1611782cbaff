package org.duovirt.app.main;

import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.JobsPanel;
import org.duovirt.app.job.OperationTimeouts;
import org.duovirt.app.wizard.CreateVmFlow;
import org.duovirt.app.wizard.NewVmLauncher;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.error.DuovirtException;

/**
 * The main window's content: menus and toolbar on top, host tree left, tabs (VM table, details,
 * consoles) in the centre, status bar at the bottom. Asks before destructive actions; the view model runs them.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final VmTableView table;
    private final HostTreeView tree;
    private final CenterTabs tabs;
    private final SplitPane split;
    private final TextField filter = new TextField();
    private final CheckMenuItem darkTheme = new CheckMenuItem(Messages.get("menu.view.dark"));
    private final MenuItem preferences = new MenuItem(Messages.get("menu.file.preferences"));

    public MainView(MainViewModel vm, TaskExecutor ui) {
        this.vm = vm;
        setId("main-view");
        table = new VmTableView(vm);
        tree = new HostTreeView(vm, row -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        tabs = new CenterTabs(table, ui, this::showError, vm.dialogs());
        filter.setId("filter");
        filter.getStyleClass().add("filter-field");
        filter.setPromptText(Messages.get("filter.prompt", Shortcuts.FIND.getDisplayText()));
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        ActionBar actions = new ActionBar(vm, this::perform);
        split = new SplitPane(tree, tabs);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(tree, false);
        setTop(new VBox(menuBar(actions), actions.toolRow(this::addConnection, filter)));
        setCenter(split);
        NewVmLauncher launcher = new NewVmLauncher(ui, vm.dialogs(), new CreateVmFlow(ui, vm.jobs(), OperationTimeouts.standard()),
                vm.hostList().hosts(), tabs::openConsole);
        vm.setNewVmHandler(launcher::launch);
        setBottom(new VBox(new JobsPanel(vm.jobs()), new StatusBar(vm)));
        table.setContextMenu(actions.contextMenu());
        vm.setHostTabHandler((host, kind) -> tabs.openHostTab(kind + ":" + host.config().uri(),
                Messages.get("tab." + kind, host.displayName()), HostTabs.view(kind, ui, host, vm)));
        vm.setVmTabHandler((row, kind) -> tabs.openHostTab(kind + ":" + row.host().config().uri() + ":" + row.name(),
                Messages.get("tab." + kind, row.name()), HostTabs.vmView(kind, ui, row, vm)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.enabledProperty(VmAction.DETAILS).get()) {
                perform(VmAction.DETAILS);
            }
        });
    }

    private MenuBar menuBar(ActionBar actions) {
        MenuItem add = new MenuItem(Messages.get("action.add-connection"), Icons.icon("action.add-connection"));
        add.setId("menu-add-connection");
        add.setAccelerator(Shortcuts.ADD_CONNECTION);
        add.setOnAction(e -> addConnection());
        MenuItem quit = new MenuItem(Messages.get("menu.file.quit"));
        quit.setAccelerator(Shortcuts.QUIT);
        quit.setOnAction(e -> getScene().getWindow().hide());
        preferences.setId("menu-preferences");
        preferences.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Comma"));
        Menu file = new Menu(Messages.get("menu.file"), null, add, preferences, new SeparatorMenuItem(), quit);
        MenuItem find = new MenuItem(Messages.get("menu.view.find"));
        find.setAccelerator(Shortcuts.FIND);
        find.setOnAction(e -> filter.requestFocus());
        MenuItem closeTab = new MenuItem(Messages.get("menu.view.close-tab"));
        closeTab.setAccelerator(Shortcuts.CLOSE_TAB);
        closeTab.setOnAction(e -> tabs.closeCurrent());
        MenuItem switchConsole = new MenuItem(Messages.get("console-switch.menu"));
        switchConsole.setId("menu-switch-console");
        switchConsole.setAccelerator(Shortcuts.SWITCH_CONSOLE);
        switchConsole.disableProperty().bind(javafx.beans.binding.Bindings.not(tabs.canSwitchConsole()));
        switchConsole.setOnAction(e -> tabs.switchConsole());
        darkTheme.setId("menu-dark-theme");
        darkTheme.setAccelerator(Shortcuts.DARK_THEME);
        Menu columns = new Menu(Messages.get("menu.view.columns"));
        table.statsColumns().values().stream()
                .sorted(java.util.Comparator.comparingInt(c -> table.getColumns().indexOf(c)))
                .forEach(c -> {
                    CheckMenuItem item = new CheckMenuItem(c.getText());
                    item.selectedProperty().bindBidirectional(c.visibleProperty());
                    columns.getItems().add(item);
                });
        MenuItem overview = new MenuItem(Messages.get("menu.view.host-overview"), Icons.icon("action.performance"));
        overview.setId("menu-host-overview-view");
        overview.setAccelerator(javafx.scene.input.KeyCombination.valueOf("Shortcut+Shift+H"));
        overview.setOnAction(e -> {
            var host = vm.hostForOverview();
            if (host != null) {
                vm.openHostTab(host, "overview");
            }
        });
        Menu view = new Menu(Messages.get("menu.view"), null, find, closeTab, switchConsole, overview, new SeparatorMenuItem(), columns, darkTheme);
        return new MenuBar(file, actions.vmMenu(), view);
    }

    /** What File › Preferences… does (the window owns the settings files). */
    public void setOnPreferences(Runnable action) {
        preferences.setOnAction(e -> action.run());
    }

    private void perform(VmAction action) {
        List<VmRow> targets = vm.targets(action);
        if (targets.isEmpty()) {
            return;
        }
        switch (action) {
            case DETAILS -> targets.forEach(tabs::openDetails);
            case CONSOLE -> targets.forEach(tabs::openConsole);
            case GRAPHICS -> targets.forEach(tabs::openGraphics);
            case PINNING -> targets.forEach(tabs::openPinning);
            case PERFORMANCE -> targets.forEach(tabs::openPerformance);
            case DELETE -> targets.forEach(vm::deleteWithQuestion);
            case FORCE_OFF -> vm.forceOffSelected();
            default -> vm.run(action);
        }
    }

    private void addConnection() {
        vm.addConnectionWithQuestion();
    }

    private void showError(DuovirtException e) {
        if (vm.dialogs() != null) {
            vm.dialogs().error(e);
        }
    }

    public VmTableView table() {
        return table;
    }

    public SplitPane split() {
        return split;
    }

    public CheckMenuItem darkThemeItem() {
        return darkTheme;
    }

    /** Closes the console, graphics, details and graph tabs, releasing what each holds. */
    public void closeTabs() {
        tabs.closeAll();
    }
}
