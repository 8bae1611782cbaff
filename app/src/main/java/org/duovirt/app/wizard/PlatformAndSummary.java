package org.duovirt.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.duovirt.app.Messages;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;

/** The platform page (modes with their trade-offs, greyed with the reason) and the summary page. */
final class PlatformAndSummary {
    private final NewVmViewModel vm;
    private final ValidationSupport validation;

    PlatformAndSummary(NewVmViewModel vm, ValidationSupport validation) {
        this.vm = vm;
        this.validation = validation;
    }

    WizardForm platform() {
        WizardForm f = new WizardForm(validation);
        VBox modes = new VBox(8);
        modes.setId("wizard-modes");
        ToggleGroup group = new ToggleGroup();
        Runnable fill = () -> {
            modes.getChildren().clear();
            group.getToggles().clear();
            for (ModeChoice c : vm.modes()) {
                RadioButton b = new RadioButton(c.mode().cliName().toUpperCase(java.util.Locale.ROOT) + " — " + c.tradeoff());
                b.setId("wizard-mode-" + c.mode().cliName());
                b.setWrapText(true);
                b.setToggleGroup(group);
                b.setUserData(c.mode());
                b.setDisable(!c.available());
                b.setSelected(c.mode() == vm.modeProperty().get());
                modes.getChildren().add(b);
                if (!c.available()) {
                    Label why = new Label(c.reason());
                    why.setId("wizard-mode-" + c.mode().cliName() + "-reason");
                    why.setWrapText(true);
                    why.getStyleClass().add("hint");
                    why.setStyle("-fx-padding: 0 0 0 26; -fx-opacity: 0.8;");
                    modes.getChildren().add(why);
                }
            }
        };
        vm.modes().addListener((ListChangeListener<ModeChoice>) c -> fill.run());
        fill.run();
        vm.modeProperty().addListener((o, a, mode) -> group.getToggles().stream().filter(t -> t.getUserData() == mode)
                .findFirst().ifPresent(t -> t.setSelected(true)));
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.modeProperty().set((org.duovirt.core.model.VirtMode) b.getUserData());
            }
        });
        f.field("wizard.mode", modes, vm.problemProperty(SpecField.MODE));
        ComboBox<VmSpec.Firmware> firmware = new ComboBox<>();
        firmware.getItems().setAll(VmSpec.Firmware.values());
        firmware.setId("wizard-firmware");
        firmware.valueProperty().bindBidirectional(vm.firmwareProperty());
        f.field("wizard.firmware", firmware, vm.problemProperty(SpecField.FIRMWARE));
        var machine = f.field("wizard.machine", WizardPages.text("wizard-machine", vm.machineProperty()),
                vm.problemProperty(SpecField.MACHINE));
        machine.setPromptText(Messages.get("wizard.machine.default"));
        cpuModel(f);
        framebuffer(f);
        return f;
    }

    /** Xen: the graphical console (a PV guest's vfb), greyed with the reason where the host or the mode has none. */
    private void framebuffer(WizardForm f) {
        FramebufferChoice choice = vm.framebuffer();
        CheckBox box = new CheckBox(Messages.get("wizard.framebuffer"));
        box.setId("wizard-framebuffer");
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(choice.wantedProperty());
        box.disableProperty().bind(choice.availableProperty().not());
        box.visibleProperty().bind(choice.shownProperty());
        box.managedProperty().bind(box.visibleProperty());
        f.line(box);
        var problem = vm.problemProperty(SpecField.FRAMEBUFFER);
        Label refused = f.line(new Label());
        refused.setId("wizard-framebuffer-problem");
        refused.getStyleClass().add("problem");
        refused.setWrapText(true);
        refused.textProperty().bind(problem);
        refused.visibleProperty().bind(problem.isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        Label greyed = f.line(new Label());
        greyed.setId("wizard-framebuffer-greyed");
        greyed.setWrapText(true);
        greyed.setStyle("-fx-opacity: 0.8;");
        greyed.textProperty().bind(choice.greyedProperty());
        greyed.visibleProperty().bind(choice.greyedProperty().isNotEmpty().and(choice.shownProperty()));
        greyed.managedProperty().bind(greyed.visibleProperty());
    }

    /** The CPU model: default, or what the host's domain capabilities list; greyed ones say why beneath. */
    private void cpuModel(WizardForm f) {
        CpuModelChoices choices = vm.cpuModel();
        CpuModelOption byDefault = new CpuModelOption("", true, null);
        ComboBox<CpuModelOption> combo = new ComboBox<>();
        combo.setId("wizard-cpu-model");
        combo.setVisibleRowCount(14);
        Runnable fill = () -> {
            java.util.List<CpuModelOption> items = new java.util.ArrayList<>(java.util.List.of(byDefault));
            items.addAll(choices.options());
            combo.getItems().setAll(items);
            combo.setValue(items.stream().filter(o -> o.name().equals(choices.modelProperty().get())).findFirst().orElse(byDefault));
        };
        choices.options().addListener((ListChangeListener<CpuModelOption>) c -> fill.run());
        fill.run();
        combo.setConverter(WizardPages.converter(o -> o.name().isEmpty() ? Messages.get("wizard.cpu-model.default") : o.name()));
        combo.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(CpuModelOption o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : o.name().isEmpty() ? Messages.get("wizard.cpu-model.default")
                        : o.available() ? o.name() : Messages.get("wizard.cpu-model.unavailable", o.name()));
                setDisable(o != null && !o.available());
                setOpacity(o != null && !o.available() ? 0.5 : 1);
                setTooltip(o == null || o.reason() == null ? null : new javafx.scene.control.Tooltip(o.reason()));
            }
        });
        combo.valueProperty().addListener((o, a, b) -> {
            if (b != null && b.available()) {
                choices.modelProperty().set(b.name());
            }
        });
        choices.modelProperty().addListener((o, a, b) -> fill.run());
        combo.disableProperty().bind(choices.offeredProperty().not());
        f.field("wizard.cpu-model", combo, vm.problemProperty(SpecField.CPU_MODEL));
        Label greyed = f.line(new Label());
        greyed.setId("wizard-cpu-model-greyed");
        greyed.setWrapText(true);
        greyed.setStyle("-fx-opacity: 0.8;");
        greyed.textProperty().bind(choices.greyedProperty());
        greyed.visibleProperty().bind(choices.greyedProperty().isNotEmpty());
        greyed.managedProperty().bind(greyed.visibleProperty());
    }

    VBox summary() {
        VBox box = new VBox(8);
        box.setPrefWidth(680);
        Label choices = new Label();
        choices.setId("wizard-summary");
        choices.setWrapText(true);
        choices.textProperty().bind(Bindings.createStringBinding(this::describe, vm.problems(), vm.previewProperty(),
                vm.pageProperty()));
        Label heading = new Label();
        heading.setId("wizard-summary-heading");
        VBox problems = new VBox(4);
        problems.setId("wizard-summary-problems");
        Runnable fill = () -> {
            problems.getChildren().clear();
            heading.setText(Messages.get(vm.problems().isEmpty() ? "wizard.summary.ok" : "wizard.summary.problems"));
            for (SpecProblem p : vm.problems()) {
                Label l = new Label("• " + Messages.get(pageOf(p.field()).messageKey()) + ": " + p.message());
                l.getStyleClass().add("problem");
                l.setWrapText(true);
                problems.getChildren().add(l);
            }
        };
        vm.problems().addListener((ListChangeListener<SpecProblem>) c -> fill.run());
        fill.run();
        TextArea definition = new TextArea();
        definition.setId("wizard-definition");
        definition.setEditable(false);
        // Shorter while customizing, so the hint above and the start box below still fit the wizard's page.
        definition.prefRowCountProperty().bind(Bindings.when(vm.customizeProperty()).then(7).otherwise(10));
        definition.getStyleClass().add("console-area");
        definition.textProperty().bind(vm.previewProperty());
        definition.visibleProperty().bind(Bindings.isEmpty(vm.problems()).or(vm.customizeProperty()));
        definition.managedProperty().bind(definition.visibleProperty());
        CheckBox customize = new CheckBox(Messages.get("wizard.customize"));
        customize.setId("wizard-customize");
        customize.selectedProperty().bindBidirectional(vm.customizeProperty());
        // Offered once there is a definition to start from (or while editing one).
        customize.disableProperty().bind(vm.previewProperty().isEmpty().and(vm.customizeProperty().not()));
        vm.customizeProperty().addListener((o, was, on) -> {
            if (on) {
                definition.textProperty().unbind();
                definition.setText(vm.customDefinitionProperty().get());
                definition.textProperty().bindBidirectional(vm.customDefinitionProperty());
            } else {
                definition.textProperty().unbindBidirectional(vm.customDefinitionProperty());
                definition.textProperty().bind(vm.previewProperty());
            }
            definition.setEditable(on);
        });
        Label customizeHint = new Label(Messages.get("wizard.customize-hint"));
        customizeHint.setId("wizard-customize-hint");
        customizeHint.setWrapText(true);
        customizeHint.visibleProperty().bind(vm.customizeProperty());
        customizeHint.managedProperty().bind(customizeHint.visibleProperty());
        CheckBox start = new CheckBox(Messages.get("wizard.start-after"));
        start.setId("wizard-start-after");
        start.selectedProperty().bindBidirectional(vm.startAfterProperty());
        box.getChildren().addAll(choices, heading, problems, customize, customizeHint, definition, start);
        return box;
    }

    private String describe() {
        String none = Messages.get("wizard.summary.none");
        String source = Messages.get(vm.sourceProperty().get().messageKey());
        String path = switch (vm.sourceProperty().get()) {
            case KERNEL -> vm.kernelProperty().get();
            case ISO -> vm.isoProperty().get();
            case IMPORT -> vm.importPathProperty().get();
            case CLOUD_IMAGE -> vm.cloud().imageProperty().get();
            case NETWORK, NONE -> "";
        };
        boolean cloud = vm.sourceProperty().get() == InstallSource.CLOUD_IMAGE;
        String storage = cloud ? Messages.get(vm.disk().xenProperty().get() ? "wizard.summary.copy" : "wizard.summary.overlay") + (vm.newDiskProperty().get() ? ", " + vm.diskGiBProperty().get() + " GiB" : "")
                : vm.newDiskProperty().get() ? vm.diskGiBProperty().get() + " GiB, " + vm.disk().formatProperty().get()
                : vm.disk().existingSummary() != null ? Messages.get("wizard.summary.existing", vm.disk().existingSummary()) : none;
        return String.join("\n",
                Messages.get("wizard.host") + ": " + (vm.hostProperty().get() == null ? none : vm.hostProperty().get().displayName()),
                Messages.get("wizard.name") + ": " + vm.nameProperty().get(),
                Messages.get("wizard.source") + ": " + source + (path.isBlank() ? "" : " — " + path),
                Messages.get("wizard.memory") + ": " + vm.memoryProperty().get() + "   " + Messages.get("wizard.vcpus") + ": "
                        + vm.vcpusProperty().get(),
                Messages.get("wizard.page.storage") + ": " + storage,
                Messages.get("wizard.network") + ": " + (vm.networkProperty().get() == null || vm.networkProperty().get().isBlank()
                        ? none : vm.networkProperty().get()),
                Messages.get("wizard.mode") + ": " + (vm.modeProperty().get() == null ? none : vm.modeProperty().get().cliName())
                        + "   " + Messages.get("wizard.firmware") + ": " + vm.firmwareProperty().get()
                        + "   " + Messages.get("wizard.cpu-model") + ": " + (vm.cpuModel().forSpec() == null || vm.cpuModel().forSpec().isBlank()
                        ? Messages.get("wizard.summary.cpu-default") : vm.cpuModel().forSpec()));
    }

    private static WizardPage pageOf(SpecField field) {
        for (WizardPage p : WizardPage.values()) {
            if (p.fields().contains(field)) {
                return p;
            }
        }
        return WizardPage.SUMMARY;
    }
}
