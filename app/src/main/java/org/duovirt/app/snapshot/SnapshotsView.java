package org.duovirt.app.snapshot;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.SnapshotInfo;

/** A VM's Snapshots tab: the list, take / revert / delete, or the reason the host offers none. */
public final class SnapshotsView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public SnapshotsView(SnapshotsViewModel vm) {
        super(8);
        setId("snapshots-view");
        getStyleClass().add("host-tab");
        setPadding(new Insets(10));
        getChildren().add(StorageView.title(Messages.get("snapshot.title", vm.vmName())));
        if (vm.unsupportedReason() != null) {
            getChildren().add(new Label(vm.unsupportedReason()));
            return;
        }
        TableView<SnapshotInfo> table = new TableView<>(vm.snapshots());
        table.setId("snapshots-table");
        table.getColumns().add(StorageView.col(Messages.get("snapshot.col.name"), SnapshotInfo::name));
        table.getColumns().add(StorageView.col(Messages.get("snapshot.col.time"), s -> TIME.format(s.created())));
        table.getColumns().add(StorageView.col(Messages.get("snapshot.col.state"), s -> s.state().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(StorageView.col(Messages.get("snapshot.col.current"), s -> s.current() ? "●" : ""));
        table.getColumns().add(StorageView.col(Messages.get("snapshot.col.description"), s -> s.description() == null ? "" : s.description()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(Messages.get("snapshot.none")));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        Button revert = new Button(Messages.get("snapshot.revert"));
        revert.setId("snapshot-revert");
        revert.disableProperty().bind(vm.selectedProperty().isNull());
        revert.setOnAction(e -> vm.revertSelected());
        Button delete = new Button(Messages.get("snapshot.delete"));
        delete.setId("snapshot-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.deleteSelected());
        Button refresh = new Button(Messages.get("storage.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        HBox actions = new HBox(6, revert, delete, StorageView.spacer(), refresh);
        TextField name = StorageView.field("snapshot-new-name", Messages.get("snapshot.new.name"), 180);
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField description = StorageView.field("snapshot-new-description", Messages.get("snapshot.new.description"), 360);
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        Button take = new Button(Messages.get("snapshot.new.take"));
        take.setId("snapshot-take");
        take.disableProperty().bind(vm.problemProperty().isNotNull());
        take.setOnAction(e -> vm.create());
        Label problem = StorageView.problemLabel("snapshot-new-problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox create = new HBox(6, new Label(Messages.get("snapshot.new.label")), name, description, take, problem);
        create.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, actions, create, new Label(Messages.get("snapshot.new.hint")));
        vm.refresh();
    }
}
