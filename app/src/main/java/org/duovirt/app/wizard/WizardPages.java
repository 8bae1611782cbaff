package org.duovirt.app.wizard;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationSupport;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.host.HostSession;
import org.duovirt.core.model.SpecField;

/** The first pages' forms: install source, memory and CPUs, storage, network. */
final class WizardPages {
    private final NewVmViewModel vm;
    private final DialogService dialogs;
    private final ValidationSupport validation;

    WizardPages(NewVmViewModel vm, DialogService dialogs, ValidationSupport validation) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.validation = validation;
    }

    WizardForm source() {
        WizardForm f = new WizardForm(validation);
        ComboBox<HostSession> host = new ComboBox<>(vm.hosts());
        host.setId("wizard-host");
        host.setConverter(new StringConverter<>() {
            @Override
            public String toString(HostSession h) {
                return h == null ? "" : h.displayName();
            }

            @Override
            public HostSession fromString(String s) {
                return null;
            }
        });
        host.valueProperty().bindBidirectional(vm.hostProperty());
        f.field("wizard.host", host, null);
        f.field("wizard.name", text("wizard-name", vm.nameProperty()), vm.problemProperty(SpecField.NAME));
        ComboBox<InstallSource> source = new ComboBox<>();
        source.getItems().setAll(InstallSource.values());
        source.setId("wizard-source");
        source.setConverter(converter(s -> Messages.get(s.messageKey())));
        source.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(InstallSource s, boolean empty) {
                super.updateItem(s, empty);
                boolean greyed = s == InstallSource.NETWORK && !vm.networkBootUnavailableProperty().get().isEmpty();
                setText(empty || s == null ? null : greyed ? Messages.get("wizard.cpu-model.unavailable", Messages.get(s.messageKey()))
                        : Messages.get(s.messageKey()));
                setDisable(greyed);
                setOpacity(greyed ? 0.5 : 1);
            }
        });
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        f.field("wizard.source", source, vm.problemProperty(SpecField.BOOT));
        HBox kernel = hostFile(browse("wizard-kernel", vm.kernelProperty(), List.of()));
        HBox initrd = hostFile(browse("wizard-initrd", vm.initrdProperty(), List.of()));
        TextField cmdline = text("wizard-cmdline", vm.cmdlineProperty());
        HBox iso = hostFile(browse("wizard-iso", vm.isoProperty(), List.of("iso")));
        HBox imported = hostFile(browse("wizard-import", vm.importPathProperty(), List.of("qcow2", "img", "raw")));
        f.field("wizard.kernel", kernel, null);
        f.field("wizard.initrd", initrd, null);
        f.field("wizard.cmdline", cmdline, null);
        f.field("wizard.iso", iso, null);
        f.field("wizard.import", imported, null);
        showFor(kernel, InstallSource.KERNEL);
        showFor(initrd, InstallSource.KERNEL);
        showFor(cmdline, InstallSource.KERNEL);
        showFor(iso, InstallSource.ISO);
        showFor(imported, InstallSource.IMPORT);
        cloudFields(f);
        Label pxe = f.line(new Label());
        pxe.setId("wizard-pxe-hint");
        pxe.setWrapText(true);
        pxe.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.networkBootUnavailableProperty().get().isEmpty()
                ? Messages.get("wizard.pxe-hint") : Messages.get("wizard.pxe-greyed", vm.networkBootUnavailableProperty().get()),
                vm.networkBootUnavailableProperty()));
        showFor(pxe, InstallSource.NETWORK);
        Label pxeGreyed = f.line(new Label());
        pxeGreyed.setId("wizard-pxe-greyed");
        pxeGreyed.setWrapText(true);
        pxeGreyed.setStyle("-fx-opacity: 0.8;");
        pxeGreyed.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.networkBootUnavailableProperty().get().isEmpty()
                ? "" : Messages.get("wizard.pxe-greyed", vm.networkBootUnavailableProperty().get()), vm.networkBootUnavailableProperty()));
        pxeGreyed.visibleProperty().bind(pxeGreyed.textProperty().isNotEmpty().and(vm.sourceProperty().isNotEqualTo(InstallSource.NETWORK)));
        pxeGreyed.managedProperty().bind(pxeGreyed.visibleProperty());
        f.field("wizard.os", osPicker(), vm.problemProperty(SpecField.OS));
        return f;
    }

    /**
     * The OS field with ControlsFX's auto-completion: typing filters the osinfo presets by name, id, vendor or
     * family; picking one puts its short id in the field (the view model resolves it to the full id).
     */
    private TextField osPicker() {
        TextField os = text("wizard-os", vm.osVariantProperty());
        os.setPromptText(Messages.get("wizard.os.prompt"));
        var binding = org.controlsfx.control.textfield.TextFields.bindAutoCompletion(os,
                request -> vm.presetMatches(request.getUserText()), converter(p -> p.name() + " — " + p.shortId()
                        + (p.vendor() == null ? "" : " (" + p.vendor() + ")")));
        binding.setVisibleRowCount(12);
        // As wide as the field: the default popup cuts "Ubuntu 24.04 LTS — ubuntu24.04 (Canonical Ltd)" short.
        binding.prefWidthProperty().bind(os.widthProperty());
        binding.setOnAutoCompleted(e -> os.setText(e.getCompletion().shortId()));
        return os;
    }

    /** The cloud image and what cloud-init tells its first boot; shown for that source only. */
    private void cloudFields(WizardForm f) {
        CloudInitChoices c = vm.cloud();
        HBox image = hostFile(browse("wizard-cloud-image", c.imageProperty(), List.of("qcow2", "img", "raw")));
        TextField hostname = text("wizard-cloud-hostname", c.hostnameProperty());
        hostname.setPromptText(Messages.get("wizard.cloud.prompt.hostname"));
        TextField user = text("wizard-cloud-user", c.userProperty());
        user.setPromptText(Messages.get("wizard.cloud.prompt.user"));
        javafx.scene.control.PasswordField hash = new javafx.scene.control.PasswordField();
        hash.setId("wizard-cloud-password-hash");
        hash.textProperty().bindBidirectional(c.passwordHashProperty());
        hash.setPromptText(Messages.get("wizard.cloud.prompt.hash"));
        HBox key = browse("wizard-cloud-ssh-key", c.keyFileProperty(), List.of("pub"));
        HBox userData = browse("wizard-cloud-user-data", c.userDataFileProperty(), List.of());
        userData.setId("wizard-cloud-user-data-box");
        ((TextField) userData.getChildren().get(0)).setPromptText(Messages.get("wizard.cloud.prompt.optional"));
        f.field("wizard.cloud-image", image, null);
        f.field("wizard.cloud-hostname", hostname, null);
        f.field("wizard.cloud-user", user, null);
        f.field("wizard.cloud-password-hash", hash, null);
        f.field("wizard.cloud-ssh-key", key, null);
        f.field("wizard.cloud-user-data", userData, vm.problemProperty(SpecField.CLOUD_INIT));
        Label hint = f.line(new Label(Messages.get("wizard.cloud-hint")));
        hint.setId("wizard-cloud-hint");
        hint.setWrapText(true);
        for (javafx.scene.Node n : List.of(image, hostname, user, hash, key, userData, hint)) {
            showFor(n, InstallSource.CLOUD_IMAGE);
        }
    }

    WizardForm resources() {
        WizardForm f = new WizardForm(validation);
        f.field("wizard.memory", text("wizard-memory", vm.memoryProperty()), vm.problemProperty(SpecField.MEMORY));
        f.field("wizard.vcpus", text("wizard-vcpus", vm.vcpusProperty()), vm.problemProperty(SpecField.VCPUS));
        Label limits = f.line(new Label());
        limits.setId("wizard-limits");
        limits.textProperty().bind(vm.limitsProperty());
        Label recommended = f.line(new Label());
        recommended.setId("wizard-recommended");
        recommended.setWrapText(true);
        recommended.textProperty().bind(vm.recommendationProperty());
        pinningStep(f);
        return f;
    }

    /**
     * The optional pinning step: the pinning editor's own grid for the VM being created, a preset to start from,
     * core.pin's warnings beside it; what it draws is written into the definition with the VM.
     */
    private void pinningStep(WizardForm f) {
        WizardPinning pin = vm.pinning();
        CheckBox enabled = f.line(new CheckBox(Messages.get("wizard.pin.enable")));
        enabled.setId("wizard-pin-enable");
        enabled.selectedProperty().bindBidirectional(pin.enabledProperty());
        ComboBox<org.duovirt.core.pin.Preset.Kind> preset = new ComboBox<>();
        preset.setId("wizard-pin-preset");
        preset.getItems().setAll(WizardPinning.PRESETS);
        preset.setConverter(converter(k -> Messages.get("pin.preset." + k.cliName())));
        preset.valueProperty().bindBidirectional(pin.presetProperty());
        org.duovirt.app.pinning.PinGrid grid = new org.duovirt.app.pinning.PinGrid();
        grid.setId("wizard-pin-grid");
        grid.topologyProperty().bind(pin.topologyProperty());
        grid.planProperty().bindBidirectional(pin.planProperty());
        Label warnings = new Label();
        warnings.setId("wizard-pin-warnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("pin-warnings");
        warnings.textProperty().bind(pin.warningsProperty());
        Label hint = new Label(Messages.get("wizard.pin.hint"));
        hint.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, new HBox(8, new Label(Messages.get("pin.presets")), preset),
                grid, warnings, hint);
        box.setId("wizard-pin-step");
        box.getStylesheets().add(org.duovirt.app.pinning.PinEditorView.class.getResource(org.duovirt.app.pinning.PinEditorView.STYLESHEET)
                .toExternalForm());
        box.visibleProperty().bind(pin.enabledProperty());
        box.managedProperty().bind(pin.enabledProperty());
        f.line(box);
        Label problem = f.line(new Label());
        problem.getStyleClass().add("problem");
        problem.setId("wizard-pin-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> org.duovirt.core.text.Printable.line(vm.problemProperty(SpecField.PINNING).get()), vm.problemProperty(SpecField.PINNING)));
    }

    WizardForm storage() {
        WizardForm f = new WizardForm(validation);
        CheckBox newDisk = f.line(new CheckBox(Messages.get("wizard.new-disk")));
        newDisk.setId("wizard-new-disk");
        newDisk.selectedProperty().bindBidirectional(vm.newDiskProperty());
        DiskChoices disk = vm.disk();
        var existingChosen = disk.existingProperty().and(vm.sourceProperty().isNotEqualTo(InstallSource.CLOUD_IMAGE));
        TextField size = f.field("wizard.disk-size", text("wizard-disk-size", vm.diskGiBProperty()),
                problemWhen(existingChosen.not(), vm.problemProperty(SpecField.STORAGE)));
        ComboBox<String> format = f.field("wizard.disk-format", new ComboBox<>(), null);
        format.setId("wizard-disk-format");
        format.getItems().setAll(org.duovirt.core.model.VmSpec.Storage.NewDisk.FORMATS);
        format.valueProperty().bindBidirectional(disk.formatProperty());
        format.disableProperty().bind(newDisk.selectedProperty().not().or(vm.sourceProperty().isEqualTo(InstallSource.CLOUD_IMAGE))
                .or(vm.nicModelOfferedProperty().not()));
        ComboBox<String> pool = f.field("wizard.pool", new ComboBox<>(vm.pools()), null);
        pool.setId("wizard-pool");
        pool.setEditable(true);
        pool.valueProperty().bindBidirectional(vm.poolProperty());
        size.disableProperty().bind(newDisk.selectedProperty().not());
        pool.disableProperty().bind(newDisk.selectedProperty().not().and(vm.sourceProperty().isNotEqualTo(InstallSource.CLOUD_IMAGE)));
        // On a cloud image the disk is always made (an overlay): the box only grows it past the image's size.
        newDisk.textProperty().bind(javafx.beans.binding.Bindings.when(vm.sourceProperty().isEqualTo(InstallSource.CLOUD_IMAGE))
                .then(Messages.get("wizard.cloud-grow")).otherwise(Messages.get("wizard.new-disk")));
        pool.setPromptText(Messages.get("wizard.cloud.prompt.pool"));
        Label cloudHint = f.line(new Label());
        cloudHint.textProperty().bind(javafx.beans.binding.Bindings.when(disk.xenProperty())
                .then(Messages.get("wizard.storage.cloud-hint.xen")).otherwise(Messages.get("wizard.storage.cloud-hint")));
        cloudHint.setId("wizard-storage-cloud-hint");
        cloudHint.setWrapText(true);
        showFor(cloudHint, InstallSource.CLOUD_IMAGE);
        existingDisk(f, disk, existingChosen);
        return f;
    }

    /** An existing volume (picked from the host's pools) or, on this machine, any file; hidden for a cloud image. */
    private void existingDisk(WizardForm f, DiskChoices disk, javafx.beans.binding.BooleanBinding chosen) {
        CheckBox existing = f.line(new CheckBox(Messages.get("wizard.existing-disk")));
        existing.setId("wizard-existing-disk");
        existing.selectedProperty().bindBidirectional(disk.existingProperty());
        ComboBox<org.duovirt.core.model.VolumeInfo> volume = f.field("wizard.volume", new ComboBox<>(disk.volumes()), null);
        volume.setId("wizard-volume");
        volume.setMaxWidth(Double.MAX_VALUE);
        volume.setPromptText(Messages.get("wizard.volume.prompt"));
        volume.setConverter(converter(v -> org.duovirt.core.text.Printable.line(v.pool() + " / " + v.name() + " — "
                + (v.format() == null ? "?" : v.format()) + ", " + org.duovirt.app.host.Units.bytes(v.capacityBytes())
                + (v.usedBy().isEmpty() ? "" : " — " + Messages.get("wizard.volume.used-by", String.join(", ", v.usedBy()))))));
        volume.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                disk.existingPathProperty().set(v.path());
            }
        });
        HBox path = browse("wizard-existing-path", disk.existingPathProperty(), List.of("qcow2", "img", "raw"));
        path.setId("wizard-existing-path-box");
        path.getChildren().get(1).disableProperty().bind(disk.filesOfferedProperty().not().or(chosen.not()));
        f.field("wizard.existing-path", path, problemWhen(chosen, vm.problemProperty(SpecField.STORAGE)));
        volume.disableProperty().bind(chosen.not());
        path.getChildren().get(0).disableProperty().bind(chosen.not());
        Label hint = f.line(new Label(Messages.get("wizard.existing-hint")));
        hint.setId("wizard-existing-hint");
        hint.setWrapText(true);
        for (javafx.scene.Node n : List.of(existing, volume, path, hint)) {
            showWhen(n, vm.sourceProperty().isNotEqualTo(InstallSource.CLOUD_IMAGE));
        }
    }

    /** The problem while {@code when} holds, else none: one field's problem shown beside the control in use. */
    private static javafx.beans.property.ReadOnlyStringProperty problemWhen(javafx.beans.value.ObservableBooleanValue when,
                                                                          javafx.beans.property.ReadOnlyStringProperty problem) {
        javafx.beans.property.ReadOnlyStringWrapper shown = new javafx.beans.property.ReadOnlyStringWrapper();
        shown.bind(javafx.beans.binding.Bindings.when(when).then(problem).otherwise((String) null));
        return shown.getReadOnlyProperty();
    }

    WizardForm network() {
        WizardForm f = new WizardForm(validation);
        ComboBox<String> network = f.field("wizard.network", new ComboBox<>(vm.networks()), vm.problemProperty(SpecField.NETWORK));
        network.setId("wizard-network");
        network.setEditable(true);
        network.setPromptText(Messages.get("wizard.network.none"));
        network.valueProperty().bindBidirectional(vm.networkProperty());
        ComboBox<String> model = f.field("wizard.nic-model", new ComboBox<>(), null);
        model.setId("wizard-nic-model");
        model.getItems().setAll(org.duovirt.core.model.VmSpec.Nic.MODELS);
        model.valueProperty().bindBidirectional(vm.nicModelProperty());
        model.disableProperty().bind(vm.nicModelOfferedProperty().not());
        TextField mac = f.field("wizard.mac", text("wizard-mac", vm.macProperty()), vm.problemProperty(SpecField.NIC));
        mac.setPromptText(Messages.get("wizard.mac.prompt"));
        Label hint = f.line(new Label(Messages.get("wizard.nic-hint")));
        hint.setId("wizard-nic-hint");
        hint.setWrapText(true);
        return f;
    }

    static TextField text(String id, StringProperty value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private HBox browse(String id, StringProperty value, List<String> extensions) {
        TextField path = text(id, value);
        Button pick = new Button(Messages.get("wizard.browse"));
        pick.setId(id + "-browse");
        pick.setOnAction(e -> dialogs.chooseFile(Messages.get("wizard.browse"), initialDir(value.get()), extensions)
                .ifPresent(p -> value.set(p.toString())));
        HBox box = new HBox(6, path, pick);
        HBox.setHgrow(path, Priority.ALWAYS);
        return box;
    }

    /**
     * The Browse button of a path on the host: it browses this machine, so on a remote host it is greyed, as the
     * existing disk's is (the path is typed, or a volume is picked from a pool).
     */
    private HBox hostFile(HBox box) {
        box.getChildren().get(1).disableProperty().bind(vm.disk().filesOfferedProperty().not());
        return box;
    }

    private static Path initialDir(String current) {
        try {
            Path p = current == null || current.isBlank() ? null : Path.of(current).getParent();
            return p;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void showFor(javafx.scene.Node node, InstallSource source) {
        showWhen(node, vm.sourceProperty().isEqualTo(source));
    }

    /** Shows the node and its row's label only while {@code visible} holds. */
    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue visible) {
        javafx.scene.Node label = labelOf(node);
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
        if (label != null) {
            label.visibleProperty().bind(visible);
            label.managedProperty().bind(visible);
        }
    }

    private static javafx.scene.Node labelOf(javafx.scene.Node node) {
        if (!(node.getParent() instanceof javafx.scene.layout.GridPane grid)) {
            return null;
        }
        Integer row = javafx.scene.layout.GridPane.getRowIndex(node);
        return grid.getChildren().stream().filter(n -> n instanceof Label l && l.getLabelFor() == node
                || n instanceof Label && java.util.Objects.equals(javafx.scene.layout.GridPane.getRowIndex(n), row)
                && Integer.valueOf(0).equals(javafx.scene.layout.GridPane.getColumnIndex(n))).findFirst().orElse(null);
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : show.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
