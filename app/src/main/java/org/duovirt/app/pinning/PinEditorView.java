package org.duovirt.app.pinning;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.pinning.PinGrid.Layer;
import org.duovirt.core.pin.PinSetup;
import org.duovirt.core.pin.Preset;

/**
 * The pinning editor tab: host topology on top, the grid in the middle with the warnings beside it, and the
 * presets, layer choice (Xen), scopes, apply, undo and preview below. Binds to its view model only.
 */
public final class PinEditorView extends BorderPane {
    public static final String STYLESHEET = "/org/duovirt/resources/css/pinning.css";
    private final PinEditorViewModel vm;
    private final PinGrid grid = new PinGrid();
    private final VBox top = new VBox(8);
    private final MenuButton presets = new MenuButton(Messages.get("pin.presets"));
    private final HBox layers = new HBox(4);

    public PinEditorView(PinEditorViewModel vm) {
        this.vm = vm;
        setId("pin-editor-" + vm.row().name());
        getStyleClass().add("pin-editor");
        getStylesheets().add(PinEditorView.class.getResource(STYLESHEET).toExternalForm());
        grid.setId("pin-grid");
        grid.planProperty().bindBidirectional(vm.planProperty());
        grid.currentCpusProperty().bind(vm.currentCpusProperty());
        grid.cpuLoadProperty().bind(vm.cpuLoadProperty());
        grid.editableProperty().bind(vm.busyProperty().not());
        presets.setId("pin-presets");

        ListView<String> warnings = new ListView<>(vm.warnings());
        warnings.setId("pin-warnings");
        warnings.getStyleClass().add("pin-warnings");
        warnings.setPrefWidth(230);
        warnings.setPlaceholder(new Label(Messages.get("pin.no-warnings")));
        warnings.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label warningsTitle = new Label(Messages.get("pin.warnings"));
        warningsTitle.getStyleClass().add("section-title");
        VBox side = new VBox(6, warningsTitle, warnings);
        VBox.setVgrow(warnings, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("pin-problems");
        problems.getStyleClass().add("problem");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.problemsProperty());
        Label outcome = new Label();
        outcome.setId("pin-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());

        CheckBox live = new CheckBox(Messages.get("pin.scope.live"));
        live.setId("pin-live");
        live.selectedProperty().bindBidirectional(vm.liveProperty());
        CheckBox config = new CheckBox(Messages.get("pin.scope.config"));
        config.setId("pin-config");
        config.selectedProperty().bindBidirectional(vm.configProperty());
        Button apply = new Button(Messages.get("pin.apply"));
        apply.setId("pin-apply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(vm.busyProperty().or(vm.problemsProperty().isNotEmpty())
                .or(live.selectedProperty().not().and(config.selectedProperty().not())));
        apply.setOnAction(e -> vm.apply());
        Button undo = new Button(Messages.get("pin.undo"));
        undo.setId("pin-undo");
        undo.disableProperty().bind(vm.busyProperty().or(vm.canUndoProperty().not()));
        undo.setOnAction(e -> vm.undo());
        TextArea preview = new TextArea();
        preview.setId("pin-preview");
        preview.getStyleClass().add("pin-preview");
        preview.setEditable(false);
        preview.setPrefRowCount(4);
        preview.textProperty().bind(vm.previewProperty());
        preview.visibleProperty().bind(vm.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());
        Button showPreview = new Button(Messages.get("pin.preview"));
        showPreview.setId("pin-show-preview");
        showPreview.setOnAction(e -> vm.loadPreview());

        HBox controls = new HBox(10, presets, layers, live, config, apply, undo, showPreview);
        controls.getStyleClass().add("pin-controls");
        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setFitToHeight(false);
        // As tall as the grid (a VM has few vCPUs); only a very wide host scrolls, sideways.
        // (the scroll pane lays the grid out at its preferred size, so its height is what the viewport needs)
        gridScroll.prefViewportHeightProperty().bind(grid.heightProperty());
        gridScroll.setMinViewportHeight(40);
        gridScroll.getStyleClass().add("pin-grid-scroll");
        VBox center = new VBox(8, gridScroll, controls, problems, outcome, preview);
        center.getStyleClass().add("pin-center");
        setTop(top);
        setCenter(center);
        setRight(side);
        vm.setupProperty().addListener((o, a, s) -> show(vm, s));
    }

    private void show(PinEditorViewModel vm, PinSetup s) {
        if (s == null) {
            return;
        }
        grid.topologyProperty().set(s.context().topology());
        grid.foreignCpusProperty().set(s.context().otherPinnedCpus());
        grid.poolCpusProperty().set(s.context().poolCpus());
        top.getChildren().setAll(new TopologyPanel(s, vm::moveToPool));
        presets.getItems().clear();
        for (Preset p : vm.presets()) {
            MenuItem item = new MenuItem(Messages.get("pin.preset." + p.kind().cliName(), p.node()));
            item.setId("pin-preset-" + p.toString().replace(':', '-'));
            item.setOnAction(e -> vm.showPreset(p));
            presets.getItems().add(item);
        }
        layers.getChildren().clear();
        if (s.caps().soft()) {
            ToggleGroup group = new ToggleGroup();
            ToggleButton hard = new ToggleButton(Messages.get("pin.layer.hard"));
            hard.setId("pin-layer-hard");
            ToggleButton soft = new ToggleButton(Messages.get("pin.layer.soft"));
            soft.setId("pin-layer-soft");
            hard.setToggleGroup(group);
            soft.setToggleGroup(group);
            group.selectToggle(grid.layerProperty().get() == Layer.SOFT ? soft : hard);
            group.selectedToggleProperty().addListener((o, a, b) -> {
                if (b == null) {
                    group.selectToggle(a);
                } else {
                    grid.layerProperty().set(b == soft ? Layer.SOFT : Layer.HARD);
                }
            });
            layers.getChildren().addAll(hard, soft);
        }
    }

    public PinGrid grid() {
        return grid;
    }

    /** The view model this tab shows (tests feed it a known host load). */
    PinEditorViewModel viewModel() {
        return vm;
    }
}
