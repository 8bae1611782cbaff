package org.duovirt.app.storage;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Feature;

/** The Storage tab: pools above, the selected pool's volumes below, create / grow / delete / upload beneath. */
public final class StorageView extends VBox {
    public StorageView(StorageViewModel vm) {
        super(8);
        setId("storage-view");
        getStyleClass().add("host-tab");
        setPadding(new Insets(10));
        TableView<PoolInfo> pools = new TableView<>(vm.pools());
        pools.setId("storage-pools");
        pools.getColumns().add(col(Messages.get("storage.col.pool"), PoolInfo::name));
        pools.getColumns().add(col(Messages.get("storage.col.type"), PoolInfo::type));
        pools.getColumns().add(col(Messages.get("storage.col.state"), p -> Messages.get(p.active() ? "storage.active" : "storage.inactive")));
        pools.getColumns().add(col(Messages.get("storage.col.autostart"), p -> Messages.get(p.autostart() ? "storage.yes" : "storage.no")));
        pools.getColumns().add(col(Messages.get("storage.col.capacity"), p -> Sizes.iec(p.capacityBytes())));
        pools.getColumns().add(col(Messages.get("storage.col.allocation"), p -> Sizes.iec(p.allocationBytes())));
        pools.getColumns().add(col(Messages.get("storage.col.free"), p -> Sizes.iec(p.availableBytes())));
        pools.getColumns().add(col(Messages.get("storage.col.path"), p -> p.path() == null ? "" : p.path()));
        pools.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        pools.setPrefHeight(150);
        pools.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedPoolProperty().set(b);
            }
        });
        vm.selectedPoolProperty().addListener((o, a, b) -> pools.getSelectionModel().select(b));

        TableView<VolumeInfo> volumes = new TableView<>(vm.volumes());
        volumes.setId("storage-volumes");
        volumes.getColumns().add(col(Messages.get("storage.col.volume"), VolumeInfo::name));
        volumes.getColumns().add(col(Messages.get("storage.col.format"), v -> v.format() == null ? "" : v.format()));
        volumes.getColumns().add(col(Messages.get("storage.col.capacity"), v -> Sizes.iec(v.capacityBytes())));
        volumes.getColumns().add(col(Messages.get("storage.col.allocation"), v -> Sizes.iec(v.allocationBytes())));
        volumes.getColumns().add(col(Messages.get("storage.col.used-by"), v -> String.join(", ", v.usedBy())));
        volumes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        volumes.setPlaceholder(new Label(Messages.get("storage.no-volumes")));
        VBox.setVgrow(volumes, Priority.ALWAYS);
        volumes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedVolumeProperty().set(b));

        getChildren().addAll(title(Messages.get("storage.title", vm.hostName())), pools, PoolRow.of(vm.poolActions(), vm), volumes,
                createRow(vm), actionRow(vm));
        vm.refresh();
    }

    private static HBox createRow(StorageViewModel vm) {
        TextField name = field("storage-new-name", Messages.get("storage.new.name"), 180);
        name.textProperty().bindBidirectional(vm.newNameProperty());
        TextField size = field("storage-new-size", Messages.get("storage.new.size"), 80);
        size.textProperty().bindBidirectional(vm.newSizeProperty());
        ComboBox<String> format = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("qcow2", "raw"));
        format.valueProperty().bindBidirectional(vm.newFormatProperty());
        Button create = new Button(Messages.get("storage.new.create"));
        create.setId("storage-create");
        create.disableProperty().bind(vm.newProblemProperty().isNotNull());
        create.setOnAction(e -> vm.createVolume());
        greyIfUnsupported(create, vm, Feature.VOLUMES);
        Label problem = problemLabel("storage-new-problem");
        problem.textProperty().bind(vm.newProblemProperty());
        HBox row = new HBox(6, new Label(Messages.get("storage.new.label")), name, size, format, create, problem);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox actionRow(StorageViewModel vm) {
        TextField grow = field("storage-grow-size", Messages.get("storage.grow.size"), 80);
        grow.textProperty().bindBidirectional(vm.growSizeProperty());
        Button growButton = new Button(Messages.get("storage.grow"));
        growButton.setId("storage-grow");
        growButton.disableProperty().bind(vm.growProblemProperty().isNotNull());
        growButton.setOnAction(e -> vm.growSelected());
        greyIfUnsupported(growButton, vm, Feature.VOLUME_RESIZE);
        Label growProblem = problemLabel("storage-grow-problem");
        growProblem.textProperty().bind(vm.growProblemProperty());
        Button delete = new Button(Messages.get("storage.delete"));
        delete.setId("storage-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(vm.selectedVolumeProperty().isNull());
        delete.setOnAction(e -> vm.deleteSelected());
        greyIfUnsupported(delete, vm, Feature.VOLUMES);
        Button upload = new Button(Messages.get("storage.upload"));
        upload.setId("storage-upload");
        upload.setOnAction(e -> vm.upload());
        greyIfUnsupported(upload, vm, Feature.VOLUME_UPLOAD);
        Button download = new Button(Messages.get("storage.download"));
        download.setId("storage-download");
        download.disableProperty().bind(vm.selectedVolumeProperty().isNull());
        download.setOnAction(e -> vm.download());
        greyIfUnsupported(download, vm, Feature.VOLUME_DOWNLOAD);
        Button refresh = new Button(Messages.get("storage.refresh"));
        refresh.setOnAction(e -> vm.refresh());
        HBox row = new HBox(6, grow, growButton, growProblem, spacer(), upload, download, delete, refresh);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A button the host cannot serve stays visible, greyed, with the reason as its tooltip. */
    static void greyIfUnsupported(Button button, StorageViewModel vm, Feature feature) {
        String reason = vm.unsupportedReason(feature);
        if (reason != null) {
            button.disableProperty().unbind();
            button.setDisable(true);
            button.setTooltip(new Tooltip(reason));
        }
    }

    public static <T> TableColumn<T, String> col(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    public static TextField field(String id, String prompt, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefWidth(width);
        return f;
    }

    public static Label problemLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-problem");
        l.setWrapText(true);
        return l;
    }

    public static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }
}
