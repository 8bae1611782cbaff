package org.duovirt.app.details;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.devices.DevicesViewModel;
import org.duovirt.app.host.Units;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.text.Printable;

/** Builds the pages of the hardware list; each control is bound to the page's view model. */
final class HardwarePages {
    private final HardwareViewModel vm;
    private final DetailsViewModel res;
    private final Button performance = new Button(Messages.get("action.performance"));
    private Runnable openPinning;

    HardwarePages(HardwareViewModel vm) {
        this.vm = vm;
        this.res = vm.resources();
        performance.setId("details-performance");
        performance.setGraphic(org.duovirt.app.ui.Icons.icon("action.performance"));
        performance.setVisible(false);
        performance.managedProperty().bind(performance.visibleProperty());
    }

    void setOnOpenPinning(Runnable action) {
        openPinning = action;
    }

    void setOnPerformance(Runnable open) {
        performance.setOnAction(e -> open.run());
        performance.setVisible(open != null);
    }

    Node fixedPage(HardwareEntry.Page page) {
        return switch (page) {
            case OVERVIEW -> overview();
            case BOOT -> boot();
            case CPUS -> cpus();
            case MEMORY -> memory();
            case DEVICE -> throw new IllegalArgumentException("a device page needs its entry");
        };
    }

    private Node overview() {
        GridPane grid = grid();
        res.facts().addListener((ListChangeListener<String[]>) c -> {
            grid.getChildren().clear();
            int row = 0;
            for (String[] fact : res.facts()) {
                grid.addRow(row++, key(fact[0]), value(fact[1]));
            }
        });
        return pane("hw-page-overview", new HBox(12, title(Messages.get("hw.page.overview")), performance,
                pinning("details-pinning")), grid, identity());
    }

    /** Name and description, applied together; the name is greyed with the reason while the VM is not shut off. */
    private Node identity() {
        OverviewViewModel ov = vm.overview();
        TextField name = StorageView.field("hw-overview-name", "", 360);
        name.textProperty().bindBidirectional(ov.nameProperty());
        javafx.scene.control.TextArea description = new javafx.scene.control.TextArea();
        description.setId("hw-overview-description");
        description.setPrefRowCount(4);
        description.setPrefColumnCount(40);
        description.setWrapText(true);
        description.textProperty().bindBidirectional(ov.descriptionProperty());
        Label nameWhy = Greying.grey("hw-overview-name-greyed", ov.renameBlockedProperty(), name);
        Label descriptionWhy = Greying.grey("hw-overview-description-greyed", Greying.fixed(ov.descriptionUnsupported()), description);
        GridPane grid = grid();
        grid.addRow(0, key(Messages.get("hw.overview.name")), new VBox(4, name, nameWhy, problem(ov.nameProblemProperty())));
        grid.addRow(1, key(Messages.get("hw.overview.description")), new VBox(4, description, descriptionWhy,
                problem(ov.descriptionProblemProperty())));
        Button apply = new Button(Messages.get("details.apply"));
        apply.setId("hw-overview-apply");
        apply.disableProperty().bind(ov.canApplyProperty().not());
        apply.setOnAction(e -> ov.apply());
        Label outcome = new Label();
        outcome.setId("hw-overview-outcome");
        outcome.textProperty().bind(ov.outcomeProperty());
        Button revert = revert("hw-overview-revert", ov::revert);
        revert.disableProperty().bind(ov.changedProperty().not());
        return new VBox(8, grid, new HBox(12, apply, revert, outcome));
    }

    /** Opens the pinning editor; on the overview (where it always was) and on the CPUs page. */
    private Button pinning(String id) {
        Button pinning = new Button(Messages.get("action.pinning"));
        pinning.setId(id);
        pinning.setGraphic(org.duovirt.app.ui.Icons.icon("action.pinning"));
        pinning.setOnAction(e -> {
            if (openPinning != null) {
                openPinning.run();
            }
        });
        return pinning;
    }

    private Node cpus() {
        Spinner<Integer> vcpus = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 4096, Math.max(1, res.vcpusProperty().get())));
        vcpus.setEditable(true);
        vcpus.setId("details-vcpus");
        res.vcpusProperty().addListener((o, a, b) -> vcpus.getValueFactory().setValue(b.intValue()));
        vcpus.valueProperty().addListener((o, a, b) -> res.vcpusProperty().set(b == null ? 0 : b));
        GridPane grid = grid();
        grid.addRow(0, key(Messages.get("details.vcpus")), vcpus);
        Label topology = value("");
        onHardware(hw -> topology.setText(orDash(hw.topology())));
        grid.addRow(1, key(Messages.get("hw.cpu.model")), cpuModel());
        grid.addRow(2, key(Messages.get("hw.cpu.topology")), topology);
        Button apply = apply("details-vcpus-apply", res::applyVcpus, vm.vcpusUnsupported());
        Label why = Greying.grey("hw-cpus-greyed", Greying.fixed(vm.vcpusUnsupported()), vcpus);
        return pane("hw-page-cpus", title(Messages.get("hw.page.cpus")), grid, why, limits(), problem(res.problemProperty()),
                new HBox(12, apply, revert("details-vcpus-revert", res::load), pinning("details-cpus-pinning"), outcome()));
    }

    /** The model choice with its own Apply: it changes the saved definition only, so it is not the vCPU count's. */
    private Node cpuModel() {
        CpuModelViewModel cm = vm.cpuModel();
        javafx.scene.control.ComboBox<String> model = new javafx.scene.control.ComboBox<>(cm.choices());
        model.setId("hw-cpu-model");
        model.valueProperty().bindBidirectional(cm.selectedProperty());
        Button apply = new Button(Messages.get("hw.cpu.model-apply"));
        apply.setId("hw-cpu-model-apply");
        apply.disableProperty().bind(cm.canApplyProperty().not());
        apply.setOnAction(e -> cm.apply());
        Label outcome = new Label();
        outcome.setId("hw-cpu-model-outcome");
        outcome.textProperty().bind(cm.outcomeProperty());
        Label why = Greying.grey("hw-cpu-model-greyed", Greying.fixed(cm.unsupported()), model);
        Label hint = new Label(Messages.get("hw.cpu.model-hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(4, new HBox(8, model, apply), why, hint, outcome);
    }

    private Node memory() {
        Spinner<Integer> memory = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16 * 1024 * 1024,
                (int) Math.max(1, res.memoryMiBProperty().get()), 64));
        memory.setEditable(true);
        memory.setId("details-memory");
        res.memoryMiBProperty().addListener((o, a, b) -> memory.getValueFactory().setValue(b.intValue()));
        memory.valueProperty().addListener((o, a, b) -> res.memoryMiBProperty().set(b == null ? 0 : b));
        Label max = value("");
        max.setId("hw-memory-max");
        onHardware(hw -> max.setText(hw.maxMemoryMiB() > 0 ? Units.mebibytes(hw.maxMemoryMiB()) : "—"));
        GridPane grid = grid();
        grid.addRow(0, key(Messages.get("details.memory-mib")), memory);
        grid.addRow(1, key(Messages.get("hw.memory.max")), max);
        Label why = Greying.grey("hw-memory-greyed", Greying.fixed(vm.memoryUnsupported()), memory);
        return pane("hw-page-memory", title(Messages.get("hw.page.memory")), grid, why, new Label(Messages.get("hw.memory.hint")),
                limits(), problem(res.problemProperty()), new HBox(12, apply("details-memory-apply", res::applyMemory,
                        vm.memoryUnsupported()), revert("details-memory-revert", res::load), outcome()));
    }

    private Node boot() {
        BootOptionsViewModel boot = vm.boot();
        CheckBox autostart = new CheckBox(Messages.get("hw.boot.autostart"));
        autostart.setId("hw-boot-autostart");
        autostart.selectedProperty().bindBidirectional(boot.autostartProperty());
        ListView<BootOptionsViewModel.Choice> order = new ListView<>(boot.order());
        order.setId("hw-boot-order");
        order.setPrefHeight(4 * 30 + 4);
        order.setMaxWidth(260);
        order.setCellFactory(l -> new ListCell<>() {
            private CheckBox bound;
            private javafx.beans.property.BooleanProperty boundTo;

            @Override
            protected void updateItem(BootOptionsViewModel.Choice item, boolean empty) {
                super.updateItem(item, empty);
                if (bound != null) {
                    bound.selectedProperty().unbindBidirectional(boundTo);
                    bound = null;
                }
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                CheckBox box = new CheckBox(Messages.get("hw.boot." + item.device().word()));
                box.setId("hw-boot-" + item.device().word());
                box.selectedProperty().bindBidirectional(item.enabled());
                bound = box;
                boundTo = item.enabled();
                setGraphic(box);
            }
        });
        Button up = new Button(Messages.get("hw.boot.up"));
        up.setId("hw-boot-up");
        up.setOnAction(e -> moveSelected(order, -1));
        Button down = new Button(Messages.get("hw.boot.down"));
        down.setId("hw-boot-down");
        down.setOnAction(e -> moveSelected(order, 1));
        GridPane kernel = grid();
        Label k = value("");
        Label i = value("");
        Label cmd = value("");
        Label kernelNote = new Label();
        kernelNote.setWrapText(true);
        onHardware(hw -> {
            k.setText(orDash(hw.kernel()));
            i.setText(orDash(hw.initrd()));
            cmd.setText(orDash(hw.cmdline()));
            kernelNote.setText(hw.kernel() == null ? "" : Messages.get("hw.boot.kernel-note"));
        });
        kernel.addRow(0, key(Messages.get("hw.boot.kernel")), k);
        kernel.addRow(1, key(Messages.get("hw.boot.initrd")), i);
        kernel.addRow(2, key(Messages.get("hw.boot.cmdline")), cmd);
        Button apply = new Button(Messages.get("details.apply"));
        apply.setId("hw-boot-apply");
        apply.disableProperty().bind(boot.problemProperty().isNotNull());
        apply.setOnAction(e -> vm.applyBoot());
        Button revert = new Button(Messages.get("hw.revert"));
        revert.setId("hw-boot-revert");
        revert.setOnAction(e -> boot.revert());
        String reason = boot.unsupportedReason();
        Label unsupported = new Label(reason == null ? "" : reason);
        unsupported.getStyleClass().add("key");
        if (reason != null) {
            apply.disableProperty().unbind();
            apply.setDisable(true);
            apply.setTooltip(new Tooltip(reason));
        }
        return pane("hw-page-boot", title(Messages.get("hw.page.boot")), autostart,
                key(Messages.get("hw.boot.order")), new HBox(8, order, new VBox(6, up, down)), problem(boot.problemProperty()),
                title(Messages.get("hw.boot.direct")), kernel, kernelNote, unsupported, new HBox(12, apply, revert));
    }

    private void moveSelected(ListView<BootOptionsViewModel.Choice> list, int by) {
        int index = list.getSelectionModel().getSelectedIndex();
        if (index < 0) {
            return;
        }
        vm.boot().move(index, by);
        list.getSelectionModel().select(Math.max(0, Math.min(list.getItems().size() - 1, index + by)));
    }

    Node devicePage(HardwareEntry entry) {
        HardwareItem item = entry.item();
        GridPane grid = grid();
        int row = 0;
        for (HardwareItem.Setting s : item.settings()) {
            Label v = value(HardwareEntry.settingValue(s.key(), s.value()));
            v.setId("hw-setting-" + s.key());
            grid.addRow(row++, key(HardwareEntry.settingLabel(s.key())), v);
        }
        VBox page = pane("hw-page-device", title(entry.title()), grid);
        DevicesViewModel dev = vm.devices();
        if (item.kind() == HardwareItem.Kind.DISK && "cdrom".equals(item.value("device"))) {
            TextField iso = StorageView.field("hw-iso", Messages.get("devices.iso.prompt"), 320);
            iso.textProperty().bindBidirectional(dev.isoPathProperty());
            Label p = problem(dev.isoProblemProperty());
            page.getChildren().add(row(new Label(Messages.get("devices.cdrom")), iso,
                    action("hw-insert", "devices.insert", Feature.CHANGE_MEDIA, vm::insertIso),
                    action("hw-eject", "devices.eject", Feature.CHANGE_MEDIA, vm::eject)));
            page.getChildren().add(p);
        }
        if (item.kind() == HardwareItem.Kind.DISK && "disk".equals(item.value("device"))) {
            page.getChildren().add(new DiskControls(vm.diskPage(item), vm).node());
        }
        if (item.kind() == HardwareItem.Kind.NIC) {
            page.getChildren().add(row(
                    action("hw-link-down", "devices.link-down", Feature.NIC_LINK, () -> vm.setLink(false)),
                    action("hw-link-up", "devices.link-up", Feature.NIC_LINK, () -> vm.setLink(true))));
        }
        if (item.kind() == HardwareItem.Kind.USB_HOST || item.kind() == HardwareItem.Kind.PCI_HOST) {
            page.getChildren().add(hostSays(item));
        }
        if (HardwareViewModel.removable(entry)) {
            Feature f = HardwareViewModel.removeFeature(item.kind());
            Button remove = action("hw-page-remove", "hw.remove", f, vm::removeSelected);
            remove.getStyleClass().add("danger");
            page.getChildren().add(row(remove, new Label(Messages.get(switch (item.kind()) {
                case DISK -> "hw.remove.disk-hint";
                case NIC -> "hw.remove.nic-hint";
                case RNG -> "hw.remove.rng-hint";
                case TPM -> "hw.remove.tpm-hint";
                case USB_HOST, PCI_HOST -> "hw.remove.hostdev-hint";
                default -> "hw.remove.saved-hint";
            }))));
        } else {
            page.getChildren().add(new Label(Messages.get("hw.read-only")));
        }
        return page;
    }

    /** What the host says a host-device page's device is (vendor and product), read with the host's device list. */
    private Node hostSays(HardwareItem item) {
        HostDevicesViewModel hd = vm.hostDevices();
        Label says = value("");
        says.setId("hw-hostdev-host-says");
        Runnable fill = () -> says.setText(Printable.line(hd.hostSays(item)));
        hd.devices().addListener((ListChangeListener<org.duovirt.core.model.HostDevice>) c -> fill.run());
        fill.run();
        hd.loadOnce();
        GridPane grid = grid();
        grid.addRow(0, key(Messages.get("hw.hostdev.on-host")), says);
        return grid;
    }

    Node addPage() {
        DevicesViewModel dev = vm.devices();
        TextField disk = StorageView.field("hw-add-disk-path", Messages.get("devices.disk.prompt"), 360);
        disk.textProperty().bindBidirectional(dev.newDiskPathProperty());
        TextField network = StorageView.field("hw-add-nic-network", Messages.get("devices.nic.network.prompt"), 200);
        network.textProperty().bindBidirectional(dev.newNicNetworkProperty());
        TextField mac = StorageView.field("hw-add-nic-mac", Messages.get("devices.nic.mac.prompt"), 200);
        mac.textProperty().bindBidirectional(dev.newNicMacProperty());
        Button addDisk = action("hw-add-disk", "hw.add.disk.button", Feature.DISK_HOTPLUG, vm::addDisk);
        Button addNic = action("hw-add-nic", "hw.add.nic.button", Feature.NIC_HOTPLUG, vm::addNic);
        addDisk.disableProperty().bind(dev.newDiskProblemProperty().isNotNull().or(Bindings.createBooleanBinding(
                () -> dev.unsupportedReason(Feature.DISK_HOTPLUG) != null)));
        addNic.disableProperty().bind(dev.newNicProblemProperty().isNotNull().or(Bindings.createBooleanBinding(
                () -> dev.unsupportedReason(Feature.NIC_HOTPLUG) != null)));
        return pane("hw-page-add", title(Messages.get("hw.add.title")),
                key(Messages.get("hw.add.disk")), row(disk, addDisk), problem(dev.newDiskProblemProperty()),
                key(Messages.get("hw.add.nic")), row(network, mac, addNic), problem(dev.newNicProblemProperty()),
                addDeviceRow(NewDevice.Kind.SERIAL, "serial"), addDeviceRow(NewDevice.Kind.RNG, "rng"),
                addDeviceRow(NewDevice.Kind.DISPLAY, "display"), addTpmRow(), new HostDeviceSection(vm).node(),
                new Label(Messages.get("devices.hint")));
    }

    /** The TPM row: the models the host offers for this VM, or greyed with the host's reason (no swtpm, one already). */
    private Node addTpmRow() {
        String unsupported = vm.devices().unsupportedReason(Feature.DEVICE_ADD);
        var offer = vm.tpmChoicesProperty();
        javafx.scene.control.ComboBox<String> type = new javafx.scene.control.ComboBox<>();
        type.setId("hw-add-tpm-type");
        Runnable fill = () -> {
            type.getItems().setAll(offer.get().types());
            type.getSelectionModel().selectFirst();
        };
        fill.run();
        offer.addListener((o, a, b) -> fill.run());
        Button add = action("hw-add-tpm", "hw.add.tpm.button", Feature.DEVICE_ADD,
                () -> vm.addDevice(new NewDevice(NewDevice.Kind.TPM, type.getValue())));
        Label why = Greying.grey("hw-add-tpm-greyed", Bindings.createStringBinding(
                () -> unsupported != null ? unsupported : offer.get().unavailable(), offer), type, add);
        return new VBox(4, key(Messages.get("hw.add.tpm")), row(type, add), why);
    }

    /** A sentence saying what the device is, its choices (when it has more than one) and its Add button. */
    private Node addDeviceRow(NewDevice.Kind kind, String word) {
        javafx.scene.control.ComboBox<String> type = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(NewDevice.TYPES.get(kind)));
        type.setId("hw-add-" + word + "-type");
        type.getSelectionModel().selectFirst();
        type.setVisible(NewDevice.TYPES.get(kind).size() > 1);
        type.setManaged(type.isVisible());
        Button add = action("hw-add-" + word, "hw.add." + word + ".button", Feature.DEVICE_ADD,
                () -> vm.addDevice(new NewDevice(kind, type.getValue())));
        return new VBox(4, key(Messages.get("hw.add." + word)), row(type, add));
    }

    /** Runs {@code show} with the hardware read so far (pages are built when first selected) and after every read. */
    private void onHardware(java.util.function.Consumer<org.duovirt.core.model.VmHardware> show) {
        if (vm.hardwareProperty().get() != null) {
            show.accept(vm.hardwareProperty().get());
        }
        vm.hardwareProperty().addListener((o, a, hw) -> {
            if (hw != null) {
                show.accept(hw);
            }
        });
    }

    private Button action(String id, String key, Feature feature, Runnable run) {
        return org.duovirt.app.devices.DevicesView.button(id, key, vm.devices(), feature, e -> run.run());
    }

    private Button apply(String id, Runnable run, String unsupported) {
        Button apply = new Button(Messages.get("details.apply"));
        apply.setId(id);
        apply.disableProperty().bind(res.busyProperty().or(res.problemProperty().isNotEmpty())
                .or(Greying.blocked(Greying.fixed(unsupported))));
        apply.setOnAction(e -> run.run());
        return apply;
    }

    private static Button revert(String id, Runnable run) {
        Button revert = new Button(Messages.get("hw.revert"));
        revert.setId(id);
        revert.setOnAction(e -> run.run());
        return revert;
    }

    private Label limits() {
        Label hostLimits = new Label();
        hostLimits.getStyleClass().add("key");
        hostLimits.textProperty().bind(Bindings.createStringBinding(
                () -> res.maxVcpusProperty().get() == Integer.MAX_VALUE ? ""
                        : Messages.get("details.vm-limits", res.maxVcpusProperty().get(), res.hostMemoryMiBProperty().get()),
                res.maxVcpusProperty(), res.hostMemoryMiBProperty()));
        return hostLimits;
    }

    private Label outcome() {
        Label outcome = new Label();
        outcome.textProperty().bind(res.outcomeProperty());
        return outcome;
    }

    private static Label problem(javafx.beans.value.ObservableValue<String> text) {
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(text);
        return problem;
    }

    private static VBox pane(String id, Node... children) {
        VBox content = new VBox(8, children);
        content.setId(id);
        content.getStyleClass().add("details-pane");
        return content;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        return grid;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label key(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("key");
        return l;
    }

    private static Label value(String text) {
        Label v = new Label(Printable.line(text));
        v.getStyleClass().add("value");
        v.setWrapText(true);
        return v;
    }

    private static Label title(String text) {
        Label l = new Label(Printable.line(text));
        l.getStyleClass().add("section-title");
        return l;
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "—" : Printable.line(text);
    }

}
