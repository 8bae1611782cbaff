package org.duovirt.app.clone;

import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.CloneDisk;

/** The Clone form: new name, one row per disk with copy / share / skip, and Clone (a job in the jobs panel). */
public final class CloneView extends VBox {
    public CloneView(CloneViewModel vm) {
        super(10);
        setId("clone-view");
        getStyleClass().add("host-tab");
        setPadding(new Insets(12));
        TextField name = StorageView.field("clone-name", Messages.get("clone.name"), 260);
        name.textProperty().bindBidirectional(vm.newNameProperty());
        GridPane grid = new GridPane();
        grid.setId("clone-disks");
        grid.setHgap(12);
        grid.setVgap(6);
        Runnable fill = () -> {
            grid.getChildren().clear();
            grid.addRow(0, header("clone.col.disk"), header("clone.col.path"), header("clone.col.choice"), header("clone.col.why"));
            int r = 1;
            for (CloneViewModel.DiskChoice d : vm.disks()) {
                ComboBox<CloneDisk> choice = new ComboBox<>(FXCollections.observableArrayList(CloneDisk.values()));
                choice.setId("clone-choice-" + d.item().target());
                choice.valueProperty().bindBidirectional(d.choiceProperty());
                choice.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(CloneDisk c) {
                        return c == null ? "" : Messages.get("clone.choice." + c.name().toLowerCase(java.util.Locale.ROOT));
                    }

                    @Override
                    public CloneDisk fromString(String s) {
                        return null;
                    }
                });
                grid.addRow(r++, new Label(d.item().target()), new Label(d.item().path()), choice,
                        new Label(d.item().owned() ? Messages.get("clone.owned") : d.item().reason()));
            }
        };
        vm.disks().addListener((javafx.collections.ListChangeListener<CloneViewModel.DiskChoice>) c -> fill.run());
        fill.run();
        Button clone = new Button(Messages.get("clone.start"));
        clone.setId("clone-start");
        clone.setDefaultButton(true);
        clone.disableProperty().bind(vm.problemProperty().isNotNull());
        Label status = new Label();
        status.setId("clone-status");
        clone.setOnAction(e -> {
            CompletableFuture<org.duovirt.core.model.VmSummary> done = new CompletableFuture<>();
            if (vm.cloneAsJob(done) != null) {
                status.setText(Messages.get("clone.running-job"));
                done.whenComplete((s, err) -> javafx.application.Platform.runLater(() ->
                        status.setText(err == null ? Messages.get("clone.done", s.name()) : "")));
            }
        });
        Label problem = StorageView.problemLabel("clone-problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox nameRow = new HBox(8, new Label(Messages.get("clone.name.label")), name, problem);
        nameRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(StorageView.title(Messages.get("clone.title", vm.vmName())), nameRow, grid,
                new Label(Messages.get("clone.hint")), new HBox(8, clone, status));
        vm.load();
    }

    private static Label header(String key) {
        Label l = new Label(Messages.get(key));
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
