package org.duovirt.app.details;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.FxThread;

/** A VM's details tab: overview grid and the vCPU/memory editor. */
public final class DetailsView extends ScrollPane {
    private final GridPane overview = new GridPane();
    private Runnable openPinning;
    private final Button performance = new Button(Messages.get("action.performance"));

    public DetailsView(DetailsViewModel vm) {
        setFitToWidth(true);
        setId("details-" + vm.row().name());
        overview.setHgap(16);
        overview.setVgap(6);
        vm.facts().addListener((ListChangeListener<String[]>) c -> fill(vm));

        Spinner<Integer> vcpus = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 4096, 1));
        vcpus.setEditable(true);
        vcpus.setId("details-vcpus");
        vm.vcpusProperty().addListener((o, a, b) -> vcpus.getValueFactory().setValue(b.intValue()));
        vcpus.valueProperty().addListener((o, a, b) -> vm.vcpusProperty().set(b == null ? 0 : b));
        Spinner<Integer> memory = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16 * 1024 * 1024, 128, 64));
        memory.setEditable(true);
        memory.setId("details-memory");
        vm.memoryMiBProperty().addListener((o, a, b) -> memory.getValueFactory().setValue(b.intValue()));
        memory.valueProperty().addListener((o, a, b) -> vm.memoryMiBProperty().set(b == null ? 0 : b));
        Label hostLimits = new Label();
        hostLimits.getStyleClass().add("key");
        hostLimits.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.maxVcpusProperty().get() == Integer.MAX_VALUE ? ""
                        : Messages.get("details.vm-limits", vm.maxVcpusProperty().get(), vm.hostMemoryMiBProperty().get()),
                vm.maxVcpusProperty(), vm.hostMemoryMiBProperty()));
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(vm.problemProperty());
        Label outcome = new Label();
        outcome.textProperty().bind(vm.outcomeProperty());
        Button apply = new Button(Messages.get("details.apply"));
        apply.setId("details-apply");
        apply.setDefaultButton(true);
        apply.disableProperty().bind(vm.busyProperty().or(vm.problemProperty().isNotEmpty()));
        apply.setOnAction(e -> vm.apply());

        GridPane editor = new GridPane();
        editor.setHgap(12);
        editor.setVgap(8);
        editor.addRow(0, key("details.vcpus"), vcpus);
        editor.addRow(1, key("details.memory-mib"), memory);
        Button pinning = new Button(Messages.get("action.pinning"));
        pinning.setId("details-pinning");
        pinning.setOnAction(e -> {
            if (openPinning != null) {
                openPinning.run();
            }
        });
        performance.setId("details-performance");
        performance.setGraphic(org.duovirt.app.ui.Icons.icon("action.performance"));
        performance.setVisible(false);
        performance.managedProperty().bind(performance.visibleProperty());
        VBox content = new VBox(8, new HBox(12, title("details.section.overview"), performance), overview,
                title("details.section.resources"), editor, hostLimits, problem, new HBox(12, apply, pinning, outcome));
        content.getStyleClass().add("details-pane");
        setContent(content);
    }

    /** What the Pinning… button opens (the tabs own the editor). */
    public void setOnOpenPinning(Runnable action) {
        openPinning = action;
    }

    /** Shows a button that opens the VM's Performance tab (the tabs own the opening). */
    public void setOnPerformance(Runnable open) {
        performance.setOnAction(e -> open.run());
        performance.setVisible(open != null);
    }

    private void fill(DetailsViewModel vm) {
        FxThread.check();
        overview.getChildren().clear();
        int row = 0;
        for (String[] fact : vm.facts()) {
            Label k = new Label(fact[0]);
            k.getStyleClass().add("key");
            Label v = new Label(fact[1]);
            v.getStyleClass().add("value");
            v.setWrapText(true);
            overview.addRow(row++, k, v);
        }
    }

    private static Label key(String k) {
        Label l = new Label(Messages.get(k));
        l.getStyleClass().add("key");
        return l;
    }

    private static Label title(String k) {
        Label l = new Label(Messages.get(k));
        l.getStyleClass().add("section-title");
        return l;
    }
}
