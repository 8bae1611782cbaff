package org.duovirt.app.details;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.NotSupportedException;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.HostDevice;
import org.duovirt.core.model.HostDeviceList;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.spi.HostConnection;

/**
 * The Add Hardware page's host devices (virt-manager's "USB Host Device" / "PCI Host Device"): the host's list with
 * a filter, why the chosen one cannot be added (the host keeps it, the VM has it), whether the host has an IOMMU;
 * giving it to the VM and taking a host device back (asking). Host calls run on the host's thread.
 */
public final class HostDevicesViewModel {
    /** One read: the list, or why the host offers none (a backend without host devices says why). */
    private record Read(HostDeviceList list, String unavailable) {
    }

    private final TaskExecutor ui;
    private final VmRow row;
    private final ReportingCalls calls;
    private final DialogService dialogs;
    private final ObservableList<HostDevice> devices = FXCollections.observableArrayList();
    private final FilteredList<HostDevice> shown = new FilteredList<>(devices);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<HostDevice> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(Messages.get("hw.hostdev.reading"));
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper();
    private final StringBinding blocked;
    private boolean loaded;

    public HostDevicesViewModel(TaskExecutor ui, VmRow row, ReportingCalls calls, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.calls = calls;
        this.dialogs = dialogs;
        filter.addListener((o, a, b) -> shown.setPredicate(d -> matches(d, b)));
        blocked = Bindings.createStringBinding(() -> why(selected.get()), selected, unavailable);
    }

    /** Whether the device's words (address, ids, names, driver, name) contain every word of the filter. */
    static boolean matches(HostDevice d, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String text = String.join(" ", d.describe(), d.name(), String.valueOf(d.driver())).toLowerCase(Locale.ROOT);
        for (String word : filter.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private String why(HostDevice d) {
        if (unavailable.get() != null) {
            return unavailable.get();
        }
        if (d == null) {
            return Messages.get("hw.hostdev.choose");
        }
        if (!d.allowed()) {
            return Messages.get("hw.hostdev.refused", d.bus().name() + " " + d.address(), d.refused());
        }
        if (d.usedBy().contains(row.name())) {
            return Messages.get("hw.hostdev.has-it", row.name());
        }
        return null;
    }

    /** The line under a device in the list: driver, IOMMU group, the VMs that have it, why the host keeps it. */
    public String marks(HostDevice d) {
        StringBuilder s = new StringBuilder();
        if (d.driver() != null) {
            s.append(Messages.get("hw.hostdev.driver", d.driver()));
        }
        if (d.iommuGroup() != null) {
            s.append(s.length() > 0 ? " · " : "").append(Messages.get("hw.hostdev.iommu-group", d.iommuGroup()));
        }
        if (!d.usedBy().isEmpty()) {
            s.append(s.length() > 0 ? " · " : "").append(Messages.get("hw.hostdev.used-by", String.join(", ", d.usedBy())));
        }
        if (!d.allowed()) {
            s.append(s.length() > 0 ? " · " : "").append(Messages.get("hw.hostdev.kept", d.refused()));
        }
        return s.toString();
    }

    /** Reads the host's devices the first time the page or a host-device page asks; later only after a change. */
    public CompletableFuture<Void> loadOnce() {
        return loaded ? CompletableFuture.completedFuture(null) : load();
    }

    public CompletableFuture<Void> load() {
        ui.assertUiThread();
        loaded = true;
        return calls.call(Messages.get("hw.hostdev.call.read"), HostDevicesViewModel::read).thenAccept(r -> ui.ui(() -> show(r)));
    }

    private static Read read(HostConnection c) {
        try {
            return new Read(c.hostDevices(), null);
        } catch (NotSupportedException e) {
            return new Read(null, e.getMessage());
        }
    }

    private void show(Read r) {
        ui.assertUiThread();
        if (r == null) {
            notice.set("");
            return;
        }
        unavailable.set(r.unavailable());
        if (r.list() == null) {
            devices.clear();
            notice.set("");
            return;
        }
        String keep = selected.get() == null ? null : selected.get().name();
        devices.setAll(r.list().devices());
        selected.set(devices.stream().filter(d -> d.name().equals(keep)).findFirst().orElse(null));
        boolean pci = devices.stream().anyMatch(d -> d.bus() == HostDevice.Bus.PCI);
        notice.set(!r.list().iommu() && pci ? Messages.get("hw.hostdev.no-iommu") : "");
    }

    /** Gives the chosen device to the VM (PCI: saved definition; USB: also the running VM), then reads again. */
    public CompletableFuture<Void> attach() {
        HostDevice d = selected.get();
        if (d == null || why(d) != null) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("hw.hostdev.call.attach", d.describe(), row.name()),
                c -> c.attachHostDevice(row.name(), d.name(), PinScope.both())).thenCompose(done -> calls.onUi(() -> {
                    if (done != null) {
                        outcome.set(Messages.get(done.contains(PinScope.LIVE) ? "hw.hostdev.attached-live" : "hw.hostdev.attached-saved",
                                d.describe()));
                    }
                    return load();
                }));
    }

    /** Takes the page's host device from the VM after asking; completes with nothing done when the user says no. */
    public CompletableFuture<Set<PinScope>> detach(HardwareItem item, String title) {
        if (!dialogs.confirm(Messages.get("hw.hostdev.detach.header", title, row.name()),
                Messages.get("hw.hostdev.detach.body"), Messages.get("hw.hostdev.detach.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("hw.hostdev.call.detach", item.value("hostdev"), row.name()),
                c -> c.detachHostDevice(row.name(), item.value("hostdev"), PinScope.both()));
    }

    /** What the host says the page's device is, or that the host no longer lists it. */
    public String hostSays(HardwareItem item) {
        String word = item.value("hostdev");
        List<HostDevice> match = devices.stream().filter(d -> d.answersTo(word)).toList();
        return match.size() == 1 ? match.get(0).describe() : loaded && !devices.isEmpty() && match.isEmpty()
                ? Messages.get("hw.hostdev.gone", String.valueOf(word)) : "";
    }

    public ObservableList<HostDevice> devices() {
        return devices;
    }

    /** The devices the filter lets through. */
    public ObservableList<HostDevice> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<HostDevice> selectedProperty() {
        return selected;
    }

    /** Why the chosen device cannot be added now (one sentence), null when it can. */
    public StringBinding blockedProperty() {
        return blocked;
    }

    /** The IOMMU sentence (or the reading one), empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What the last Add did. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** A VM the chosen device also belongs to (only one of them can run with it), or null. */
    public String sharedWith(HostDevice d) {
        return d == null ? null : d.usedBy().stream().filter(v -> !v.equals(row.name())).findFirst().orElse(null);
    }
}
