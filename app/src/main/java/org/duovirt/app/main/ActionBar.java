package org.duovirt.app.main;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.Icons;

/**
 * The toolbar and the Virtual Machine menu, built from {@link VmAction}: each item is enabled by the view
 * model (state and host features) and shows its shortcut. New VM opens the wizard.
 */
final class ActionBar {
    private final MainViewModel vm;
    private final Consumer<VmAction> handler;

    ActionBar(MainViewModel vm, Consumer<VmAction> handler) {
        this.vm = vm;
        this.handler = handler;
    }

    MenuItem item(VmAction action) {
        MenuItem item = new MenuItem(Messages.get(action.messageKey()), Icons.icon(iconKey(action)));
        item.setId("menu-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        item.setAccelerator(Shortcuts.of(action));
        item.disableProperty().bind(vm.enabledProperty(action).not());
        item.setOnAction(e -> handler.accept(action));
        return item;
    }

    /** New VM: enabled whenever the view model has a host that can create; the wizard says if none can. */
    MenuItem newVmItem() {
        MenuItem item = new MenuItem(Messages.get("action.new-vm"), Icons.icon("action.new-vm"));
        item.setId("menu-new-vm");
        item.setAccelerator(Shortcuts.NEW_VM);
        item.setOnAction(e -> vm.newVm(null));
        return item;
    }

    Menu vmMenu() {
        Menu m = new Menu(Messages.get("menu.vm"));
        m.setId("menu-vm");
        m.getItems().addAll(newVmItem(), new javafx.scene.control.SeparatorMenuItem(),item(VmAction.START), item(VmAction.SHUTDOWN), item(VmAction.REBOOT),
                item(VmAction.FORCE_OFF), item(VmAction.SAVE), new javafx.scene.control.SeparatorMenuItem(),
                item(VmAction.PAUSE), item(VmAction.RESUME), new javafx.scene.control.SeparatorMenuItem(),
                item(VmAction.CONSOLE), item(VmAction.DETAILS), new javafx.scene.control.SeparatorMenuItem(),
                item(VmAction.DELETE));
        return m;
    }

    /**
     * The toolbar with the filter box beside it, outside the ToolBar, so a narrow window moves buttons
     * into the overflow menu but never hides the filter.
     */
    HBox toolRow(Runnable addConnection, TextField filter) {
        ToolBar bar = toolBar(addConnection);
        HBox.setHgrow(bar, Priority.ALWAYS);
        filter.setMinWidth(160);
        HBox row = new HBox(8, bar, filter);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("tool-row");
        return row;
    }

    private ToolBar toolBar(Runnable addConnection) {
        Button add = new Button(Messages.get("action.add-connection"), Icons.icon("action.add-connection"));
        add.setId("tool-add-connection");
        add.setTooltip(new Tooltip(Messages.get("action.add-connection") + " (" + Shortcuts.ADD_CONNECTION.getDisplayText() + ")"));
        add.setOnAction(e -> addConnection.run());
        SplitMenuButton shutdown = new SplitMenuButton(item(VmAction.REBOOT), item(VmAction.FORCE_OFF), item(VmAction.SAVE));
        shutdown.setText(Messages.get(VmAction.SHUTDOWN.messageKey()));
        shutdown.setGraphic(Icons.icon(iconKey(VmAction.SHUTDOWN)));
        shutdown.setId("tool-shutdown");
        shutdown.setTooltip(tooltip(VmAction.SHUTDOWN));
        shutdown.setOnAction(e -> handler.accept(VmAction.SHUTDOWN));
        // The split button stays usable when only its menu items apply (e.g. Force Off on a paused VM).
        shutdown.disableProperty().bind(vm.enabledProperty(VmAction.SHUTDOWN).not()
                .and(vm.enabledProperty(VmAction.REBOOT).not()).and(vm.enabledProperty(VmAction.FORCE_OFF).not())
                .and(vm.enabledProperty(VmAction.SAVE).not()));
        Button newVm = new Button(Messages.get("action.new-vm"), Icons.icon("action.new-vm"));
        newVm.setId("tool-new-vm");
        newVm.setTooltip(new Tooltip(Messages.get("action.new-vm") + " (" + Shortcuts.NEW_VM.getDisplayText() + ")"));
        newVm.setOnAction(e -> vm.newVm(null));
        return new ToolBar(add, newVm, new Separator(), button(VmAction.START), shutdown, button(VmAction.PAUSE),
                button(VmAction.RESUME), new Separator(), button(VmAction.CONSOLE), button(VmAction.DETAILS),
                new Separator(), button(VmAction.DELETE));
    }

    private Button button(VmAction action) {
        Button b = new Button(Messages.get(action.messageKey()), Icons.icon(iconKey(action)));
        b.setId("tool-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        b.setTooltip(tooltip(action));
        b.disableProperty().bind(vm.enabledProperty(action).not());
        b.setOnAction(e -> handler.accept(action));
        return b;
    }

    private static Tooltip tooltip(VmAction action) {
        return new Tooltip(Messages.get(action.messageKey()) + " (" + Shortcuts.of(action).getDisplayText() + ")");
    }

    private static String iconKey(VmAction action) {
        return "action." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
