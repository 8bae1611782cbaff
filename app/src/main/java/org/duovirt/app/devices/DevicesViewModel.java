package org.duovirt.app.devices;

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
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskAttachment;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.NicAttachment;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * A VM's disks and NICs with what can be done to each: CD-ROM insert/eject (live), NIC link up/down (live),
 * detach (asking, saying the storage is kept), and adding a disk or a NIC, each field checked while typed.
 * Live where the VM runs, and saved.
 */
public final class DevicesViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final DialogService dialogs;
    private final ReportingCalls calls;
    private final ObservableList<DiskInfo> disks = FXCollections.observableArrayList();
    private final ObservableList<NicInfo> nics = FXCollections.observableArrayList();
    private final ObjectProperty<DiskInfo> selectedDisk = new SimpleObjectProperty<>();
    private final ObjectProperty<NicInfo> selectedNic = new SimpleObjectProperty<>();
    private final StringProperty isoPath = new SimpleStringProperty("");
    private final SimpleStringProperty isoProblem = new SimpleStringProperty();
    private final StringProperty newDiskPath = new SimpleStringProperty("");
    private final SimpleStringProperty newDiskProblem = new SimpleStringProperty();
    private final StringProperty newNicNetwork = new SimpleStringProperty("");
    private final StringProperty newNicMac = new SimpleStringProperty("");
    private final SimpleStringProperty newNicProblem = new SimpleStringProperty();

    public DevicesViewModel(TaskExecutor ui, VmRow row, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.dialogs = dialogs;
        this.calls = new ReportingCalls(ui, row.host(), dialogs);
        isoPath.addListener((o, a, b) -> check());
        selectedDisk.addListener((o, a, b) -> check());
        newDiskPath.addListener((o, a, b) -> check());
        newNicNetwork.addListener((o, a, b) -> check());
        newNicMac.addListener((o, a, b) -> check());
        check();
    }

    public ObservableList<DiskInfo> disks() {
        return disks;
    }

    public ObservableList<NicInfo> nics() {
        return nics;
    }

    public ObjectProperty<DiskInfo> selectedDiskProperty() {
        return selectedDisk;
    }

    public ObjectProperty<NicInfo> selectedNicProperty() {
        return selectedNic;
    }

    public StringProperty isoPathProperty() {
        return isoPath;
    }

    /** Why the ISO cannot be inserted into the selected drive, or null. */
    public ReadOnlyStringProperty isoProblemProperty() {
        return isoProblem;
    }

    public StringProperty newDiskPathProperty() {
        return newDiskPath;
    }

    public ReadOnlyStringProperty newDiskProblemProperty() {
        return newDiskProblem;
    }

    public StringProperty newNicNetworkProperty() {
        return newNicNetwork;
    }

    public StringProperty newNicMacProperty() {
        return newNicMac;
    }

    public ReadOnlyStringProperty newNicProblemProperty() {
        return newNicProblem;
    }

    public String vmName() {
        return row.name();
    }

    public String unsupportedReason(Feature feature) {
        return calls.unsupportedReason(feature);
    }

    public CompletableFuture<Void> load() {
        ui.assertUiThread();
        return calls.call(Messages.get("devices.call.read", row.name()), c -> c.details(row.name())).thenAccept(d -> ui.ui(() -> {
            if (d != null) {
                disks.setAll(d.disks());
                nics.setAll(d.nics());
            }
        }));
    }

    private void check() {
        DiskInfo disk = selectedDisk.get();
        if (disk == null || !"cdrom".equals(disk.device())) {
            isoProblem.set(Messages.get("devices.iso.select"));
        } else {
            isoProblem.set(isoPath.get().isBlank() ? Messages.get("devices.iso.path") : DeviceInputs.pathProblem(isoPath.get()));
        }
        newDiskProblem.set(newDiskPath.get().isBlank() ? Messages.get("devices.disk.path") : DeviceInputs.pathProblem(newDiskPath.get()));
        String mac = newNicMac.get().strip();
        newNicProblem.set(newNicNetwork.get().isBlank() ? Messages.get("devices.nic.network")
                : mac.isEmpty() ? null : DeviceInputs.macProblem(mac));
    }

    public CompletableFuture<Void> insertIso() {
        check();
        DiskInfo disk = selectedDisk.get();
        if (isoProblem.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        String iso = isoPath.get().strip();
        return act(Messages.get("devices.call.insert", iso, disk.target()), c -> c.changeMedia(row.name(), disk.target(), iso));
    }

    public CompletableFuture<Void> eject() {
        DiskInfo disk = selectedDisk.get();
        if (disk == null || !"cdrom".equals(disk.device())) {
            return CompletableFuture.completedFuture(null);
        }
        return act(Messages.get("devices.call.eject", disk.target()), c -> c.changeMedia(row.name(), disk.target(), null));
    }

    public CompletableFuture<Void> setLink(boolean up) {
        NicInfo nic = selectedNic.get();
        if (nic == null) {
            return CompletableFuture.completedFuture(null);
        }
        return act(Messages.get(up ? "devices.call.link-up" : "devices.call.link-down", nic.mac()), c -> c.setNicLink(row.name(), nic.mac(), up));
    }

    /** Asks first; says the disk's storage stays (a detach never deletes data). */
    public CompletableFuture<Void> detachDisk() {
        DiskInfo disk = selectedDisk.get();
        if (disk == null || !dialogs.confirm(Messages.get("devices.detach-disk.header", disk.target(), row.name()),
                Messages.get("devices.detach-disk.body", disk.source() == null ? "-" : disk.source()),
                Messages.get("devices.detach.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return act(Messages.get("devices.call.detach-disk", disk.target()), c -> c.detachDisk(row.name(), disk.target(), PinScope.both()));
    }

    public CompletableFuture<Void> detachNic() {
        NicInfo nic = selectedNic.get();
        if (nic == null || !dialogs.confirm(Messages.get("devices.detach-nic.header", nic.mac(), row.name()),
                Messages.get("devices.detach-nic.body", String.valueOf(nic.network())), Messages.get("devices.detach.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return act(Messages.get("devices.call.detach-nic", nic.mac()), c -> c.detachNic(row.name(), nic.mac(), PinScope.both()));
    }

    public CompletableFuture<Void> addDisk() {
        check();
        if (newDiskProblem.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        String path = newDiskPath.get().strip();
        return act(Messages.get("devices.call.attach-disk", path), c -> c.attachDisk(row.name(), DiskAttachment.disk(path, null), PinScope.both()));
    }

    public CompletableFuture<Void> addNic() {
        check();
        if (newNicProblem.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        String mac = newNicMac.get().strip();
        NicAttachment nic = new NicAttachment(newNicNetwork.get().strip(), null, null, mac.isEmpty() ? null : mac);
        return act(Messages.get("devices.call.attach-nic", nic.network()), c -> c.attachNic(row.name(), nic, PinScope.both()));
    }

    /** Adds a serial port, RNG, display or TPM; one the VM cannot take while it runs goes into the saved definition. */
    public CompletableFuture<Void> addDevice(NewDevice device) {
        return act(Messages.get("devices.call.add-device", describe(device)), c -> c.addDevice(row.name(), device, PinScope.both()));
    }

    /** The device in words of the UI's language, for the status text: "a TPM (tpm-crb)", "un TPM (tpm-crb)". */
    static String describe(NewDevice device) {
        return Messages.get("devices.new." + device.kind().name().toLowerCase(java.util.Locale.ROOT), device.type());
    }

    /**
     * Removes a serial port, RNG, display or TPM after asking; the question says that one QEMU cannot unplug stays in the
     * running VM until it stops.
     */
    public CompletableFuture<Void> removeDevice(HardwareItem item, String title) {
        if (!dialogs.confirm(Messages.get("devices.remove-device.header", title, row.name()),
                Messages.get(switch (item.kind()) {
                    case RNG -> "devices.remove-device.body-live";
                    case TPM -> "devices.remove-device.body-tpm";
                    default -> "devices.remove-device.body-saved";
                }),
                Messages.get("devices.remove-device.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return act(Messages.get("devices.call.remove-device", title), c -> c.removeDevice(row.name(), item.id(), PinScope.both()));
    }

    private interface Change {
        void apply(HostConnection c);
    }

    private CompletableFuture<Void> act(String what, Change change) {
        ui.assertUiThread();
        Function<HostConnection, Boolean> op = c -> {
            change.apply(c);
            return Boolean.TRUE;
        };
        return calls.call(what, op).thenCompose(x -> calls.onUi(this::load));
    }
}
