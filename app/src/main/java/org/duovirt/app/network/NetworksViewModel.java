package org.duovirt.app.network;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.NetworkSpecValidator;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * The Networks tab of one host: virtual networks (Xen: dom0 bridges) with the VMs on each, a new network
 * (NAT, isolated, routed, DHCP range) checked while typed, start, stop, autostart, delete (asking, naming the
 * VMs that lose their link) and the DHCP leases of the selected network.
 */
public final class NetworksViewModel {
    private final TaskExecutor ui;
    private final HostSession session;
    private final DialogService dialogs;
    private final org.duovirt.app.host.ReportingCalls calls;
    private final ObservableList<NetworkInfo> networks = FXCollections.observableArrayList();
    private final ObservableList<DhcpLease> leases = FXCollections.observableArrayList();
    private final ObjectProperty<NetworkInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<NetworkSpec.Mode> mode = new SimpleObjectProperty<>(NetworkSpec.Mode.NAT);
    private final StringProperty address = new SimpleStringProperty("192.168.150.1/24");
    private final StringProperty dhcpStart = new SimpleStringProperty("192.168.150.100");
    private final StringProperty dhcpEnd = new SimpleStringProperty("192.168.150.200");
    private final SimpleStringProperty problem = new SimpleStringProperty();

    public NetworksViewModel(TaskExecutor ui, HostSession session, DialogService dialogs) {
        this.ui = ui;
        this.session = session;
        this.dialogs = dialogs;
        this.calls = new org.duovirt.app.host.ReportingCalls(ui, session, dialogs);
        for (var p : List.of(name, address, dhcpStart, dhcpEnd)) {
            p.addListener((o, a, b) -> check());
        }
        mode.addListener((o, a, b) -> check());
        selected.addListener((o, a, b) -> loadLeases());
        check();
    }

    public ObservableList<NetworkInfo> networks() {
        return networks;
    }

    public ObservableList<DhcpLease> leases() {
        return leases;
    }

    public ObjectProperty<NetworkInfo> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<NetworkSpec.Mode> modeProperty() {
        return mode;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty dhcpStartProperty() {
        return dhcpStart;
    }

    public StringProperty dhcpEndProperty() {
        return dhcpEnd;
    }

    /** Every problem of the new network as typed, joined; null when it can be created. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public String hostName() {
        return session.displayName();
    }

    public String unsupportedReason(Feature feature) {
        return calls.unsupportedReason(feature);
    }

    public CompletableFuture<Void> refresh() {
        ui.assertUiThread();
        String keep = selected.get() == null ? null : selected.get().name();
        return call(Messages.get("network.call.list", session.displayName()), HostConnection::networkInfos).thenAccept(list -> ui.ui(() -> {
            if (list == null) {
                return;
            }
            networks.setAll(list);
            selected.set(list.stream().filter(n -> n.name().equals(keep)).findFirst().orElse(null));
        }));
    }

    /** The spec as typed, or null when the address is not ADDRESS/PREFIX. */
    NetworkSpec spec() {
        String[] cidr = address.get() == null ? new String[0] : address.get().strip().split("/", 2);
        int prefix;
        try {
            prefix = cidr.length == 2 ? Integer.parseInt(cidr[1].strip()) : -1;
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        String start = blankToNull(dhcpStart.get());
        String end = blankToNull(dhcpEnd.get());
        return new NetworkSpec(name.get() == null ? "" : name.get().strip(), mode.get(), cidr.length > 0 ? cidr[0].strip() : "",
                prefix, start, end);
    }

    private void check() {
        NetworkSpec spec = spec();
        List<String> problems = new java.util.ArrayList<>();
        if (spec.name().isEmpty()) {
            problems.add(Messages.get("network.new.name-needed"));
        } else {
            problems.addAll(NetworkSpecValidator.problems(spec));
        }
        if (!address.get().contains("/")) {
            problems.add(Messages.get("network.new.cidr"));
        }
        if (networks.stream().anyMatch(n -> n.name().equals(spec.name()))) {
            problems.add(Messages.get("network.new.taken", spec.name()));
        }
        problem.set(problems.isEmpty() ? null : String.join(" ", problems));
    }

    public CompletableFuture<Void> create() {
        ui.assertUiThread();
        check();
        if (problem.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        NetworkSpec spec = spec();
        return call(Messages.get("network.call.create", spec.name()), c -> c.createNetwork(spec)).thenCompose(n -> onUi(() -> {
            if (n != null) {
                name.set("");
            }
            return refresh();
        }));
    }

    public CompletableFuture<Void> startSelected() {
        return act("network.call.start", (c, n) -> c.startNetwork(n));
    }

    /** Asks first when VMs sit on the network: they lose their link until it starts again. */
    public CompletableFuture<Void> stopSelected() {
        NetworkInfo n = selected.get();
        if (n != null && !n.vms().isEmpty() && !dialogs.confirm(Messages.get("network.stop.header", n.name()),
                Messages.get("network.stop.body", String.join(", ", n.vms())), Messages.get("network.stop.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return act("network.call.stop", (c, name) -> c.stopNetwork(name));
    }

    public CompletableFuture<Void> toggleAutostart() {
        NetworkInfo n = selected.get();
        boolean on = n != null && !n.autostart();
        return act("network.call.autostart", (c, name) -> c.setNetworkAutostart(name, on));
    }

    public CompletableFuture<Void> deleteSelected() {
        ui.assertUiThread();
        NetworkInfo n = selected.get();
        if (n == null) {
            return CompletableFuture.completedFuture(null);
        }
        String body = n.vms().isEmpty() ? Messages.get("network.delete.unused")
                : Messages.get("network.delete.used", String.join(", ", n.vms()));
        if (!dialogs.confirm(Messages.get("network.delete.header", n.name()), body, Messages.get("network.delete.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return act("network.call.delete", (c, name) -> c.deleteNetwork(name));
    }

    private void loadLeases() {
        NetworkInfo n = selected.get();
        leases.clear();
        if (n == null || !n.active() || !session.supports(Feature.NETWORK_MANAGE)) {
            return;
        }
        call(Messages.get("network.call.leases", n.name()), c -> c.dhcpLeases(n.name())).thenAccept(list -> ui.ui(() -> {
            if (list != null && n.equals(selected.get())) {
                leases.setAll(list);
            }
        }));
    }

    private interface NetworkAction {
        void run(HostConnection c, String network);
    }

    private CompletableFuture<Void> act(String key, NetworkAction action) {
        ui.assertUiThread();
        NetworkInfo n = selected.get();
        if (n == null) {
            return CompletableFuture.completedFuture(null);
        }
        return call(Messages.get(key, n.name()), c -> {
            action.run(c, n.name());
            return Boolean.TRUE;
        }).thenCompose(x -> onUi(this::refresh));
    }

    private <T> CompletableFuture<T> call(String what, Function<HostConnection, T> op) {
        return calls.call(what, op);
    }

    private CompletableFuture<Void> onUi(java.util.function.Supplier<CompletableFuture<Void>> action) {
        return calls.onUi(action);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
