package org.duovirt.app.devices;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.spi.Feature;

/** A VM's disks and NICs: CD-ROM media, link state, detach, add; greyed with the reason where the host cannot. */
public final class DevicesView extends VBox {
    public DevicesView(DevicesViewModel vm) {
        super(8);
        setId("devices-view");
        getStyleClass().add("host-tab");
        setPadding(new Insets(10));
        TableView<DiskInfo> disks = new TableView<>(vm.disks());
        disks.setId("devices-disks");
        disks.getColumns().add(StorageView.col(Messages.get("devices.col.target"), DiskInfo::target));
        disks.getColumns().add(StorageView.col(Messages.get("devices.col.device"), DiskInfo::device));
        disks.getColumns().add(StorageView.col(Messages.get("devices.col.source"), d -> d.source() == null ? Messages.get("devices.empty") : d.source()));
        disks.getColumns().add(StorageView.col(Messages.get("devices.col.format"), d -> d.format() == null ? "" : d.format()));
        disks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        disks.setPrefHeight(170);
        disks.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedDiskProperty().set(b));
        TableView<NicInfo> nics = new TableView<>(vm.nics());
        nics.setId("devices-nics");
        nics.getColumns().add(StorageView.col(Messages.get("devices.col.mac"), NicInfo::mac));
        nics.getColumns().add(StorageView.col(Messages.get("devices.col.network"), n -> String.valueOf(n.network())));
        nics.getColumns().add(StorageView.col(Messages.get("devices.col.model"), n -> n.model() == null ? "" : n.model()));
        nics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        nics.setPrefHeight(130);
        nics.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedNicProperty().set(b));

        TextField iso = StorageView.field("devices-iso", Messages.get("devices.iso.prompt"), 320);
        iso.textProperty().bindBidirectional(vm.isoPathProperty());
        Button insert = button("devices-insert", "devices.insert", vm, Feature.CHANGE_MEDIA, e -> vm.insertIso());
        Button eject = button("devices-eject", "devices.eject", vm, Feature.CHANGE_MEDIA, e -> vm.eject());
        Button detachDisk = button("devices-detach-disk", "devices.detach", vm, Feature.DISK_HOTPLUG, e -> vm.detachDisk());
        Label isoProblem = StorageView.problemLabel("devices-iso-problem");
        isoProblem.textProperty().bind(vm.isoProblemProperty());
        TextField newDisk = StorageView.field("devices-new-disk", Messages.get("devices.disk.prompt"), 320);
        newDisk.textProperty().bindBidirectional(vm.newDiskPathProperty());
        Button addDisk = button("devices-add-disk", "devices.add-disk", vm, Feature.DISK_HOTPLUG, e -> vm.addDisk());
        Label diskProblem = StorageView.problemLabel("devices-disk-problem");
        diskProblem.textProperty().bind(vm.newDiskProblemProperty());

        Button down = button("devices-link-down", "devices.link-down", vm, Feature.NIC_LINK, e -> vm.setLink(false));
        Button up = button("devices-link-up", "devices.link-up", vm, Feature.NIC_LINK, e -> vm.setLink(true));
        Button detachNic = button("devices-detach-nic", "devices.detach", vm, Feature.NIC_HOTPLUG, e -> vm.detachNic());
        TextField network = StorageView.field("devices-new-nic-network", Messages.get("devices.nic.network.prompt"), 160);
        network.textProperty().bindBidirectional(vm.newNicNetworkProperty());
        TextField mac = StorageView.field("devices-new-nic-mac", Messages.get("devices.nic.mac.prompt"), 160);
        mac.textProperty().bindBidirectional(vm.newNicMacProperty());
        Button addNic = button("devices-add-nic", "devices.add-nic", vm, Feature.NIC_HOTPLUG, e -> vm.addNic());
        Label nicProblem = StorageView.problemLabel("devices-nic-problem");
        nicProblem.textProperty().bind(vm.newNicProblemProperty());

        getChildren().addAll(StorageView.title(Messages.get("devices.title", vm.vmName())),
                new Label(Messages.get("devices.disks")), disks,
                row(new Label(Messages.get("devices.cdrom")), iso, insert, eject, isoProblem),
                row(detachDisk, new Label(Messages.get("devices.new-disk")), newDisk, addDisk, diskProblem),
                new Label(Messages.get("devices.nics")), nics,
                row(down, up, detachNic, new Label(Messages.get("devices.new-nic")), network, mac, addNic, nicProblem),
                new Label(Messages.get("devices.hint")));
        vm.load();
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A button that does {@code action}, greyed with the host's reason where it lacks {@code feature}. */
    public static Button button(String id, String key, DevicesViewModel vm, Feature feature,
                                 javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setOnAction(action);
        String reason = vm.unsupportedReason(feature);
        if (reason != null) {
            b.setDisable(true);
            b.setTooltip(new Tooltip(reason));
        }
        return b;
    }
}
