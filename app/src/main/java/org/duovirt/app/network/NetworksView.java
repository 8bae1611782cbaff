package org.duovirt.app.network;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.spi.Feature;

/** The Networks tab: the networks (Xen: bridges) with their VMs, actions, the DHCP leases, and a new network. */
public final class NetworksView extends VBox {
    public NetworksView(NetworksViewModel vm) {
        super(8);
        setId("networks-view");
        getStyleClass().add("host-tab");
        setPadding(new Insets(10));
        TableView<NetworkInfo> table = new TableView<>(vm.networks());
        table.setId("networks-table");
        table.getColumns().add(StorageView.col(Messages.get("network.col.name"), NetworkInfo::name));
        table.getColumns().add(StorageView.col(Messages.get("network.col.state"), n -> Messages.get(n.active() ? "storage.active" : "storage.inactive")));
        table.getColumns().add(StorageView.col(Messages.get("network.col.autostart"), n -> Messages.get(n.autostart() ? "network.yes" : "network.no")));
        table.getColumns().add(StorageView.col(Messages.get("network.col.mode"), NetworkInfo::mode));
        table.getColumns().add(StorageView.col(Messages.get("network.col.bridge"), n -> n.bridge() == null ? "" : n.bridge()));
        table.getColumns().add(StorageView.col(Messages.get("network.col.address"), n -> n.address() == null ? "" : n.address()));
        table.getColumns().add(StorageView.col(Messages.get("network.col.dhcp"), n -> n.dhcpRange() == null ? "" : n.dhcpRange()));
        table.getColumns().add(StorageView.col(Messages.get("network.col.vms"), n -> String.join(", ", n.vms())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(200);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));

        TableView<DhcpLease> leases = new TableView<>(vm.leases());
        leases.setId("network-leases");
        leases.getColumns().add(StorageView.col(Messages.get("network.col.mac"), DhcpLease::mac));
        leases.getColumns().add(StorageView.col(Messages.get("network.col.ip"), l -> String.valueOf(l.address())));
        leases.getColumns().add(StorageView.col(Messages.get("network.col.hostname"), l -> l.hostname() == null ? "" : l.hostname()));
        leases.getColumns().add(StorageView.col(Messages.get("network.col.expires"), l -> l.expires().toString()));
        leases.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        leases.setPlaceholder(new Label(Messages.get("network.no-leases")));
        leases.setPrefHeight(110);

        getChildren().addAll(StorageView.title(Messages.get("network.title", vm.hostName())), table, actions(vm),
                new Label(Messages.get("network.leases")), leases, createRow(vm));
        vm.refresh();
    }

    private static HBox actions(NetworksViewModel vm) {
        Button start = button("network-start", "network.start", vm, Feature.NETWORK_MANAGE);
        start.setOnAction(e -> vm.startSelected());
        Button stop = button("network-stop", "network.stop", vm, Feature.NETWORK_MANAGE);
        stop.setOnAction(e -> vm.stopSelected());
        Button autostart = button("network-autostart", "network.autostart", vm, Feature.NETWORK_MANAGE);
        autostart.setOnAction(e -> vm.toggleAutostart());
        Button delete = button("network-delete", "network.delete", vm, Feature.NETWORK_MANAGE);
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> vm.deleteSelected());
        if (vm.unsupportedReason(Feature.NETWORK_MANAGE) == null) {
            start.disableProperty().bind(vm.selectedProperty().isNull());
            stop.disableProperty().bind(vm.selectedProperty().isNull());
            autostart.disableProperty().bind(vm.selectedProperty().isNull());
            delete.disableProperty().bind(vm.selectedProperty().isNull());
        }
        Button refresh = new Button(Messages.get("storage.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        HBox row = new HBox(6, start, stop, autostart, delete, StorageView.spacer(), refresh);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static VBox createRow(NetworksViewModel vm) {
        TextField name = StorageView.field("network-new-name", Messages.get("network.new.name"), 120);
        name.textProperty().bindBidirectional(vm.nameProperty());
        ComboBox<NetworkSpec.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(NetworkSpec.Mode.values()));
        mode.setId("network-new-mode");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(NetworkSpec.Mode m) {
                return m == null ? "" : Messages.get("network.mode." + m.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public NetworkSpec.Mode fromString(String s) {
                return null;
            }
        });
        TextField address = StorageView.field("network-new-address", Messages.get("network.new.address"), 140);
        address.textProperty().bindBidirectional(vm.addressProperty());
        TextField start = StorageView.field("network-new-dhcp-start", Messages.get("network.new.dhcp-start"), 135);
        start.textProperty().bindBidirectional(vm.dhcpStartProperty());
        TextField end = StorageView.field("network-new-dhcp-end", Messages.get("network.new.dhcp-end"), 135);
        end.textProperty().bindBidirectional(vm.dhcpEndProperty());
        Button create = button("network-create", "network.new.create", vm, Feature.NETWORK_MANAGE);
        if (vm.unsupportedReason(Feature.NETWORK_MANAGE) == null) {
            create.disableProperty().bind(vm.problemProperty().isNotNull());
        }
        create.setOnAction(e -> vm.create());
        Label problem = StorageView.problemLabel("network-new-problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox row = new HBox(6, new Label(Messages.get("network.new.label")), name, mode, address,
                new Label(Messages.get("network.new.dhcp")), start, end, create);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, problem);
    }

    private static Button button(String id, String key, NetworksViewModel vm, Feature feature) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        String reason = vm.unsupportedReason(feature);
        if (reason != null) {
            b.setDisable(true);
            b.setTooltip(new Tooltip(reason));
        }
        return b;
    }
}
