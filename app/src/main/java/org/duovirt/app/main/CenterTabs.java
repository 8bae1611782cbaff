package org.duovirt.app.main;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.duovirt.app.Messages;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.console.ConsoleViewModel;
import org.duovirt.app.details.DetailsView;
import org.duovirt.app.details.DetailsViewModel;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.error.DuovirtException;

/** The centre: the VM table as the first tab, then one tab per open details view or console. */
final class CenterTabs extends TabPane {
    private final TaskExecutor ui;
    private final Consumer<DuovirtException> errors;
    private final Map<String, Tab> open = new HashMap<>();

    CenterTabs(VmTableView table, TaskExecutor ui, Consumer<DuovirtException> errors) {
        this.ui = ui;
        this.errors = errors;
        setId("center-tabs");
        Tab vms = new Tab(Messages.get("tab.vms"), table);
        vms.setId("tab-vms");
        vms.setClosable(false);
        vms.setGraphic(Icons.icon("vm"));
        getTabs().add(vms);
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
    }

    void openDetails(VmRow row) {
        String key = "details:" + row.host().config().uri() + ":" + row.name();
        if (focus(key)) {
            return;
        }
        DetailsViewModel vm = new DetailsViewModel(ui, row);
        vm.setErrorHandler(errors);
        Tab tab = new Tab(Messages.get("tab.details", row.name()), new DetailsView(vm));
        tab.setGraphic(Icons.icon("action.details"));
        add(key, tab, null);
        vm.load();
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
        add(key, tab, () -> {
            vm.close();
            view.dispose();
        });
        vm.open();
        view.focusTerminal();
    }

    void closeCurrent() {
        Tab t = getSelectionModel().getSelectedItem();
        if (t != null && t.isClosable()) {
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
            if (onClose != null) {
                onClose.run();
            }
        });
        open.put(key, tab);
        getTabs().add(tab);
        getSelectionModel().select(tab);
    }
}
