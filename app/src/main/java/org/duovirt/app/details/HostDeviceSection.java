package org.duovirt.app.details;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.storage.StorageView;
import org.duovirt.core.model.HostDevice;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.text.Printable;

/** The Add Hardware page's host devices: a filter, the host's PCI and USB devices with their marks, and Add. */
final class HostDeviceSection {
    private final HardwareViewModel vm;
    private final HostDevicesViewModel hd;

    HostDeviceSection(HardwareViewModel vm) {
        this.vm = vm;
        this.hd = vm.hostDevices();
    }

    Node node() {
        TextField filter = StorageView.field("hw-add-hostdev-filter", Messages.get("hw.hostdev.filter.prompt"), 360);
        filter.textProperty().bindBidirectional(hd.filterProperty());
        ListView<HostDevice> list = new ListView<>(hd.shown());
        list.setId("hw-add-hostdev-list");
        list.setPrefHeight(6 * 44 + 4);
        list.setMaxWidth(760);
        list.setPlaceholder(new Label(Messages.get("hw.hostdev.none")));
        list.setCellFactory(l -> new Cell(hd));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> hd.selectedProperty().set(b));
        Button add = org.duovirt.app.devices.DevicesView.button("hw-add-hostdev", "hw.hostdev.add", vm.devices(), Feature.HOSTDEV,
                e -> vm.attachHostDevice());
        if (vm.devices().unsupportedReason(Feature.HOSTDEV) == null) {
            add.disableProperty().bind(Greying.blocked(hd.blockedProperty()));
        }
        Label why = new Label();
        why.setId("hw-add-hostdev-why");
        why.getStyleClass().add("greyed-reason");
        why.setWrapText(true);
        why.setMaxWidth(760);
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            String blocked = hd.blockedProperty().get();
            String shared = hd.sharedWith(hd.selectedProperty().get());
            return blocked != null ? blocked : shared != null ? Messages.get("hw.hostdev.shared", shared) : "";
        }, hd.blockedProperty(), hd.selectedProperty()));
        Label notice = wrapped("hw-add-hostdev-notice", "greyed-reason");
        notice.textProperty().bind(hd.noticeProperty());
        Label outcome = wrapped("hw-add-hostdev-outcome", "value");
        outcome.textProperty().bind(hd.outcomeProperty());
        Label key = new Label(Messages.get("hw.hostdev.title"));
        key.getStyleClass().add("key");
        key.setWrapText(true);
        key.setMaxWidth(760);
        hd.loadOnce();
        return new VBox(4, key, filter, list, notice, new HBox(8, add, why), outcome);
    }

    private static Label wrapped(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(760);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A device: what it is on the first line, its marks (driver, group, VMs, why kept) on the second. */
    private static final class Cell extends ListCell<HostDevice> {
        private final HostDevicesViewModel hd;

        Cell(HostDevicesViewModel hd) {
            this.hd = hd;
        }

        @Override
        protected void updateItem(HostDevice d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label what = new Label(Printable.line(d.describe()));
            Label marks = new Label(Printable.line(hd.marks(d)));
            marks.getStyleClass().add(d.allowed() ? "key" : "greyed-reason");
            VBox box = new VBox(2, what, marks);
            box.setId("hw-hostdev-" + d.name());
            setGraphic(box);
            setText(null);
        }
    }
}
