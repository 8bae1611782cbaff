package org.duovirt.app.details;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.spi.Feature;

/**
 * A VM's details tab in virt-manager's layout: the hardware list on the left with Add Hardware and Remove
 * under it, the selected entry's page on the right. The fixed pages are built once; a device's page is built
 * when it is selected (its settings are read-only text, so nothing outlives it).
 */
public final class HardwareView extends SplitPane {
    private final HardwareViewModel vm;
    private final HardwarePages pages;
    private final ScrollPane page = new ScrollPane();
    private final Map<HardwareEntry.Page, Node> fixed = new HashMap<>();
    private final ListView<HardwareEntry> list;
    private boolean adding;

    public HardwareView(HardwareViewModel vm) {
        this.vm = vm;
        this.pages = new HardwarePages(vm);
        setId("details-" + vm.row().name());
        getStyleClass().add("hardware-view");
        list = new ListView<>(vm.entries());
        list.setId("hw-list");
        list.setPrefWidth(220);
        list.setMinWidth(160);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HardwareEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : org.duovirt.core.text.Printable.line(item.title()));
                setGraphic(empty || item == null ? null : Icons.icon("hw." + item.icon()));
                setId(empty || item == null ? null : cellId(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                adding = false;
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> sync());
        vm.entries().addListener((javafx.collections.ListChangeListener<HardwareEntry>) c -> sync());

        Button add = new Button(Messages.get("hw.add"));
        add.setId("hw-add");
        add.setOnAction(e -> {
            adding = true;
            list.getSelectionModel().clearSelection();
            vm.selectedProperty().set(null);
            page.setContent(pages.addPage());
        });
        String addReason = vm.devices().unsupportedReason(Feature.DISK_HOTPLUG);
        if (addReason != null && vm.devices().unsupportedReason(Feature.NIC_HOTPLUG) != null) {
            add.setDisable(true);
            add.setTooltip(new Tooltip(addReason));
        }
        Button remove = new Button(Messages.get("hw.remove"));
        remove.setId("hw-remove");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.canRemove(vm.selectedProperty().get()), vm.selectedProperty()));
        remove.setOnAction(e -> vm.removeSelected());
        HBox buttons = new HBox(6, add, remove);
        buttons.setPadding(new Insets(6, 0, 0, 0));
        VBox left = new VBox(list, buttons);
        left.setPadding(new Insets(8));
        VBox.setVgrow(list, Priority.ALWAYS);
        page.setFitToWidth(true);
        page.setId("hw-page");
        getItems().addAll(left, page);
        setDividerPositions(0.22);
        SplitPane.setResizableWithParent(left, false);
        sync();
    }

    /** What the CPUs page's Pinning… button opens (the tabs own the editor). */
    public void setOnOpenPinning(Runnable action) {
        pages.setOnOpenPinning(action);
    }

    /** Shows a button on the overview that opens the VM's Performance tab. */
    public void setOnPerformance(Runnable open) {
        pages.setOnPerformance(open);
    }

    /** The list cell's node id: the entry's id with every character CSS selectors would need escaped as '-'. */
    static String cellId(HardwareEntry entry) {
        return "hw-entry-" + entry.id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private void sync() {
        HardwareEntry selected = vm.selectedProperty().get();
        if (adding || selected == null) {
            return;
        }
        if (list.getSelectionModel().getSelectedItem() != selected) {
            list.getSelectionModel().select(selected);
        }
        page.setContent(selected.page() == HardwareEntry.Page.DEVICE ? pages.devicePage(selected)
                : fixed.computeIfAbsent(selected.page(), pages::fixedPage));
    }
}
