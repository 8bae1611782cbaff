package org.duovirt.app.details;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.devices.DevicesViewModel;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.DeviceChoices;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmHardware;

/**
 * The details tab as a hardware list: the fixed pages and one entry per device of the VM's definition, the
 * selected one, and the models of the editable pages (CPUs and memory, boot options, devices add/remove).
 * Every host call runs on the host's thread; the list is rebuilt after each change, keeping the selection.
 */
public final class HardwareViewModel {
    /** The host's answer in one call: the details (autostart), the hardware list and the TPM the host offers. */
    record Loaded(VmDetails details, VmHardware hardware, DeviceChoices tpm) {
    }

    private final TaskExecutor ui;
    private final VmRow row;
    private final ReportingCalls calls;
    private final DetailsViewModel resources;
    private final DevicesViewModel devices;
    private final BootOptionsViewModel boot;
    private final OverviewViewModel overview;
    private final CpuModelViewModel cpuModel;
    private final HostDevicesViewModel hostDevices;
    private final ObservableList<HardwareEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<HardwareEntry> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<VmHardware> hardware = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoices> tpm = new SimpleObjectProperty<>(
            DeviceChoices.none(Messages.get("hw.add.tpm.reading")));

    public HardwareViewModel(TaskExecutor ui, VmRow row, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.calls = new ReportingCalls(ui, row.host(), dialogs);
        this.resources = new DetailsViewModel(ui, row);
        this.devices = new DevicesViewModel(ui, row, dialogs);
        this.boot = new BootOptionsViewModel(row, calls);
        this.overview = new OverviewViewModel(ui, row, calls);
        this.cpuModel = new CpuModelViewModel(ui, row, calls);
        this.hostDevices = new HostDevicesViewModel(ui, row, calls, dialogs);
        entries.setAll(fixedEntries());
        selected.set(entries.get(0));
        selected.addListener((o, a, b) -> pointDevicesAt(b));
        row.stateProperty().addListener((o, a, state) -> {
            if (state != null) {
                resources.showState(state);
            }
        });
    }

    /** The device pages act on the devices model's selected disk or NIC: the one shown. */
    private void pointDevicesAt(HardwareEntry entry) {
        HardwareItem item = entry == null ? null : entry.item();
        if (item != null && item.kind() == HardwareItem.Kind.DISK) {
            devices.selectedDiskProperty().set(new DiskInfo(item.id(), item.value("source"), item.value("format"),
                    item.value("device"), item.value("readonly") != null));
        } else if (item != null && item.kind() == HardwareItem.Kind.NIC) {
            devices.selectedNicProperty().set(new NicInfo(item.id(), item.value("network"), item.value("model")));
        }
    }

    private static List<HardwareEntry> fixedEntries() {
        return List.of(HardwareEntry.fixed(HardwareEntry.Page.OVERVIEW), HardwareEntry.fixed(HardwareEntry.Page.BOOT),
                HardwareEntry.fixed(HardwareEntry.Page.CPUS), HardwareEntry.fixed(HardwareEntry.Page.MEMORY));
    }

    public VmRow row() {
        return row;
    }

    /** The overview facts, vCPU and memory editor (with the host's limits). */
    public DetailsViewModel resources() {
        return resources;
    }

    /** Add and remove of disks and NICs, CD-ROM media and link state. */
    public DevicesViewModel devices() {
        return devices;
    }

    public BootOptionsViewModel boot() {
        return boot;
    }

    /** The overview's name and description. */
    public OverviewViewModel overview() {
        return overview;
    }

    /** The Add Hardware page's host devices and the host-device pages' Remove. */
    public HostDevicesViewModel hostDevices() {
        return hostDevices;
    }

    /** Gives the VM the host device chosen on the Add Hardware page, then reads the list again. */
    public CompletableFuture<Void> attachHostDevice() {
        return hostDevices.attach().thenCompose(x -> calls.onUi(this::load));
    }

    /** The CPUs page's model choice. */
    public CpuModelViewModel cpuModel() {
        return cpuModel;
    }

    /**
     * The model of a disk's page (cache mode, Grow); its pool is read now. After a change the list is read again,
     * which rebuilds the page.
     */
    public DiskPageViewModel diskPage(HardwareItem disk) {
        DiskPageViewModel page = new DiskPageViewModel(ui, row, calls, disk);
        page.load();
        return page;
    }

    /** Applies a disk page's cache mode, then reads the list again. */
    public CompletableFuture<Void> applyCache(DiskPageViewModel page) {
        return page.applyCache().thenCompose(x -> calls.onUi(this::load));
    }

    /** Grows a disk page's disk, then reads the list again. */
    public CompletableFuture<Void> grow(DiskPageViewModel page) {
        return page.grow().thenCompose(x -> calls.onUi(this::load));
    }

    /** Why the CPUs page cannot change the count on this host, or null. */
    public String vcpusUnsupported() {
        return calls.unsupportedReason(org.duovirt.core.spi.Feature.SET_VCPUS);
    }

    /** Why the Memory page cannot change the size on this host, or null. */
    public String memoryUnsupported() {
        return calls.unsupportedReason(org.duovirt.core.spi.Feature.SET_MEMORY);
    }

    public ObservableList<HardwareEntry> entries() {
        return entries;
    }

    public ObjectProperty<HardwareEntry> selectedProperty() {
        return selected;
    }

    /** The last hardware read from the host, null until then. */
    public ReadOnlyObjectProperty<VmHardware> hardwareProperty() {
        return hardware;
    }

    /** Reads everything again: overview and limits, devices, the hardware list. */
    public CompletableFuture<Void> load() {
        ui.assertUiThread();
        resources.load();
        CompletableFuture<Void> devicesRead = devices.load();
        CompletableFuture<Void> descriptionRead = overview.load();
        CompletableFuture<Void> listRead = calls.call(Messages.get("hw.call.read", row.name()),
                c -> new Loaded(c.details(row.name()), c.hardware(row.name()), tpmChoices(c))).thenAccept(l -> ui.ui(() -> {
                    if (l != null) {
                        show(l);
                    }
                }));
        return CompletableFuture.allOf(devicesRead, listRead, descriptionRead);
    }

    /** What the host offers; a failure to say so greys the TPM with its sentence rather than failing the list. */
    private DeviceChoices tpmChoices(org.duovirt.core.spi.HostConnection c) {
        try {
            return c.deviceChoices(row.name(), NewDevice.Kind.TPM);
        } catch (RuntimeException e) {
            return DeviceChoices.none(e.getMessage());
        }
    }

    /** The TPM models Add Hardware offers for this VM, or why none (greyed with that sentence). */
    public ReadOnlyObjectProperty<DeviceChoices> tpmChoicesProperty() {
        return tpm;
    }

    private void show(Loaded loaded) {
        ui.assertUiThread();
        hardware.set(loaded.hardware());
        tpm.set(loaded.tpm());
        boot.show(loaded.details().autostart(), loaded.hardware().bootOrder());
        cpuModel.show(loaded.details().mode(), loaded.hardware().cpuModel());
        String keep = selected.get() == null ? null : selected.get().id();
        List<HardwareEntry> all = new ArrayList<>(fixedEntries());
        // Grouped by kind in the list's order (disks, NICs, display …), each kind in definition order.
        for (HardwareItem.Kind kind : HardwareItem.Kind.values()) {
            loaded.hardware().items().stream().filter(i -> i.kind() == kind).map(HardwareEntry::device).forEach(all::add);
        }
        entries.setAll(all);
        selected.set(all.stream().filter(e -> e.id().equals(keep)).findFirst().orElse(all.get(0)));
    }

    /** Selects the entry with that id (e.g. "disk:vdb", "cpus"); false when there is none. */
    public boolean select(String id) {
        var match = entries.stream().filter(e -> e.id().equals(id)).findFirst();
        match.ifPresent(selected::set);
        return match.isPresent();
    }

    /** Whether the entry can be removed here (disks and NICs). */
    public static boolean removable(HardwareEntry entry) {
        return entry != null && entry.item() != null && removeFeature(entry.item().kind()) != null;
    }

    /** The feature a host needs to remove a device of this kind, null for a kind Remove does not apply to. */
    public static org.duovirt.core.spi.Feature removeFeature(HardwareItem.Kind kind) {
        return switch (kind) {
            case DISK -> org.duovirt.core.spi.Feature.DISK_HOTPLUG;
            case NIC -> org.duovirt.core.spi.Feature.NIC_HOTPLUG;
            case SERIAL, RNG, GRAPHICS, TPM -> org.duovirt.core.spi.Feature.DEVICE_ADD;
            case USB_HOST, PCI_HOST -> org.duovirt.core.spi.Feature.HOSTDEV;
            default -> null;
        };
    }

    /** Whether Remove applies to the entry here: a disk or NIC, on a host that can detach it. */
    public boolean canRemove(HardwareEntry entry) {
        if (!removable(entry)) {
            return false;
        }
        return devices.unsupportedReason(removeFeature(entry.item().kind())) == null;
    }

    /**
     * Removes the selected disk or NIC after asking (the question says a disk's storage is kept); reloads the list
     * after. Completes with nothing done when the user says no.
     */
    public CompletableFuture<Void> removeSelected() {
        HardwareEntry entry = selected.get();
        if (!removable(entry)) {
            return CompletableFuture.completedFuture(null);
        }
        pointDevicesAt(entry);
        CompletableFuture<Void> removed = switch (entry.item().kind()) {
            case DISK -> devices.detachDisk();
            case NIC -> devices.detachNic();
            case USB_HOST, PCI_HOST -> hostDevices.detach(entry.item(), entry.title())
                    .thenCompose(x -> x == null ? CompletableFuture.completedFuture(null) : calls.onUi(hostDevices::load));
            default -> devices.removeDevice(entry.item(), entry.title());
        };
        return removed.thenCompose(x -> calls.onUi(this::load));
    }

    /** Adds the disk typed on the Add Hardware page and reloads the list. */
    public CompletableFuture<Void> addDisk() {
        return devices.addDisk().thenCompose(x -> calls.onUi(this::load));
    }

    /** Adds a serial port, RNG, display or TPM from the Add Hardware page and reloads the list. */
    public CompletableFuture<Void> addDevice(org.duovirt.core.model.NewDevice device) {
        return devices.addDevice(device).thenCompose(x -> calls.onUi(this::load));
    }

    /** Adds the NIC typed on the Add Hardware page and reloads the list. */
    public CompletableFuture<Void> addNic() {
        return devices.addNic().thenCompose(x -> calls.onUi(this::load));
    }

    /** Puts the ISO typed on a CD-ROM page into that drive, live where the VM runs. */
    public CompletableFuture<Void> insertIso() {
        return devices.insertIso().thenCompose(x -> calls.onUi(this::load));
    }

    /** Ejects the medium of the CD-ROM page's drive. */
    public CompletableFuture<Void> eject() {
        return devices.eject().thenCompose(x -> calls.onUi(this::load));
    }

    /** Sets the link of the NIC page's card up or down. */
    public CompletableFuture<Void> setLink(boolean up) {
        return devices.setLink(up).thenCompose(x -> calls.onUi(this::load));
    }

    /** Applies the Boot options page, then reads the list again. */
    public CompletableFuture<Void> applyBoot() {
        return boot.apply().thenCompose(x -> calls.onUi(this::load));
    }
}
