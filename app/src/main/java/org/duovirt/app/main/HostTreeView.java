package org.duovirt.app.main;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.core.text.Printable;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.Icons;

/**
 * The left pane: every connection with its state, and its VMs under it. Selecting a host shows only its
 * VMs in the table; selecting a VM selects it there.
 */
public final class HostTreeView extends TreeView<Object> {
    private final Map<HostSession, TreeItem<Object>> items = new HashMap<>();

    public HostTreeView(MainViewModel vm, Consumer<VmRow> selectVm) {
        super(new TreeItem<>(Messages.get("tree.all-hosts")));
        setId("host-tree");
        getStyleClass().add("host-tree");
        setShowRoot(true);
        getRoot().setExpanded(true);
        setCellFactory(t -> new Cell(vm));
        vm.hostList().hosts().forEach(this::addHost);
        vm.hostList().hosts().addListener((ListChangeListener<HostSession>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(h -> getRoot().getChildren().remove(items.remove(h)));
                c.getAddedSubList().forEach(this::addHost);
            }
            refresh();
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            Object value = item == null ? null : item.getValue();
            if (value instanceof HostSession h) {
                vm.hostFilterProperty().set(h);
            } else if (value instanceof VmRow r) {
                vm.hostFilterProperty().set(null);
                selectVm.accept(r);
            } else {
                vm.hostFilterProperty().set(null);
            }
        });
    }

    private void addHost(HostSession host) {
        TreeItem<Object> item = new TreeItem<>(host);
        item.setExpanded(true);
        items.put(host, item);
        getRoot().getChildren().add(item);
        host.vms().forEach(r -> item.getChildren().add(new TreeItem<>(r)));
        host.vms().addListener((ListChangeListener<VmRow>) c -> {
            while (c.next()) {
                item.getChildren().removeIf(i -> c.getRemoved().contains(i.getValue()));
                c.getAddedSubList().forEach(r -> item.getChildren().add(new TreeItem<>(r)));
            }
            item.getChildren().sort((a, b) -> NaturalOrder.INSTANCE.compare(((VmRow) a.getValue()).name(), ((VmRow) b.getValue()).name()));
        });
        host.stateProperty().addListener((o, a, b) -> refresh());
    }

    private static final class Cell extends TreeCell<Object> {
        private final MainViewModel vm;
        private final javafx.beans.InvalidationListener vmState = o -> showVmState();
        private VmRow watched;

        Cell(MainViewModel vm) {
            this.vm = vm;
        }

        private void showVmState() {
            if (watched != null && watched.state() != null) {
                setGraphic(Icons.state(watched.state()));
            }
        }

        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove("host-cell");
            setContextMenu(null);
            if (watched != null) {
                watched.stateProperty().removeListener(vmState);
                watched = null;
            }
            if (empty || value == null) {
                setText(null);
                setGraphic(null);
            } else if (value instanceof HostSession h) {
                getStyleClass().add("host-cell");
                setText(null);
                setGraphic(hostGraphic(h));
                setContextMenu(hostMenu(h));
            } else if (value instanceof VmRow r) {
                setText(Printable.line(r.name()));
                setContextMenu(vmMenu(r));
                setGraphic(null);
                watched = r;
                r.stateProperty().addListener(vmState);
                showVmState();
            } else {
                setText(value.toString());
                setGraphic(Icons.icon("host"));
            }
        }

        private HBox hostGraphic(HostSession h) {
            var icon = Icons.icon(h.demo() ? "host.demo" : "host");
            icon.getStyleClass().add("icon-host-" + h.state().name().toLowerCase(java.util.Locale.ROOT));
            Label name = new Label(Printable.line(h.displayName()));
            String stateText = h.demo() && h.state() == HostState.CONNECTED
                    ? Messages.get("host.state.demo")
                    : h.state() == HostState.DISCONNECTED && !h.retryingProperty().get()
                    ? Messages.get("host.state.refused") : Messages.get(h.state().messageKey());
            Label state = new Label(stateText);
            state.getStyleClass().add("host-state-label");
            state.setId("host-state-" + Integer.toHexString(System.identityHashCode(h)));
            HBox box = new HBox(6, icon, new VBox(name, state));
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return box;
        }

        private ContextMenu vmMenu(VmRow r) {
            MenuItem snapshots = new MenuItem(Messages.get("vm.menu.snapshots"));
            snapshots.setId("menu-vm-snapshots");
            snapshots.setOnAction(e -> vm.openVmTab(r, "snapshots"));
            MenuItem clone = new MenuItem(Messages.get("vm.menu.clone"));
            clone.setId("menu-vm-clone");
            clone.setOnAction(e -> vm.openVmTab(r, "clone"));
            clone.setDisable(!r.host().supports(org.duovirt.core.spi.Feature.CLONE));
            MenuItem definition = new MenuItem(Messages.get("vm.menu.definition"));
            definition.setId("menu-vm-definition");
            definition.setOnAction(e -> vm.openVmTab(r, "definition"));
            MenuItem devices = new MenuItem(Messages.get("vm.menu.devices"));
            devices.setId("menu-vm-devices");
            devices.setOnAction(e -> vm.openVmTab(r, "devices"));
            return new ContextMenu(snapshots, clone, definition, devices);
        }

        /**
         * True while {@code h} cannot do {@code feature}; follows the host's state, so a menu made while the host
         * was still connecting is right once it connects (the cell is not drawn again then).
         */
        private static javafx.beans.binding.BooleanBinding unsupported(HostSession h, org.duovirt.core.spi.Feature feature) {
            return Bindings.createBooleanBinding(() -> !h.supports(feature), h.stateProperty());
        }

        private ContextMenu hostMenu(HostSession h) {
            MenuItem connect = new MenuItem(Messages.get("host.menu.connect"));
            connect.setOnAction(e -> h.connect());
            connect.disableProperty().bind(Bindings.createBooleanBinding(() -> h.state() == HostState.CONNECTED, h.stateProperty()));
            MenuItem remove = new MenuItem(Messages.get("host.menu.remove"));
            remove.setOnAction(e -> vm.hostList().remove(h));
            MenuItem newVm = new MenuItem(Messages.get("action.new-vm"), Icons.icon("action.new-vm"));
            newVm.setId("menu-host-new-vm");
            newVm.setOnAction(e -> vm.newVm(h));
            newVm.disableProperty().bind(unsupported(h, org.duovirt.core.spi.Feature.CREATE));
            MenuItem storage = new MenuItem(Messages.get("host.menu.storage"));
            storage.setId("menu-host-storage");
            storage.setOnAction(e -> vm.openHostTab(h, "storage"));
            storage.disableProperty().bind(unsupported(h, org.duovirt.core.spi.Feature.STORAGE_POOLS));
            MenuItem networks = new MenuItem(Messages.get("host.menu.networks"));
            networks.setId("menu-host-networks");
            networks.setOnAction(e -> vm.openHostTab(h, "networks"));
            networks.disableProperty().bind(unsupported(h, org.duovirt.core.spi.Feature.NETWORKS));
            MenuItem overview = new MenuItem(Messages.get("host.menu.overview"), Icons.icon("action.performance"));
            overview.setId("menu-host-overview");
            overview.setOnAction(e -> vm.openHostTab(h, "overview"));
            overview.disableProperty().bind(unsupported(h, org.duovirt.core.spi.Feature.HOST_INFO));
            return new ContextMenu(newVm, overview, storage, networks, connect, remove);
        }
    }
}
