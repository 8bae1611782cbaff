package org.duovirt.app.main;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: host counts by state, and the last error. */
public final class StatusBar extends HBox {
    public StatusBar(MainViewModel vm) {
        getStyleClass().add("status-bar");
        setId("status-bar");
        Label hosts = new Label();
        hosts.setMinWidth(Region.USE_PREF_SIZE);
        hosts.setId("status-hosts");
        hosts.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.setId("status-error");
        error.getStyleClass().add("error-label");
        error.textProperty().bind(vm.lastErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label jobs = new Label();
        jobs.setId("status-jobs");
        jobs.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> org.duovirt.app.Messages.get("jobs.running", vm.jobs().runningProperty().get()), vm.jobs().runningProperty()));
        jobs.visibleProperty().bind(vm.jobs().runningProperty().greaterThan(0));
        getChildren().addAll(hosts, jobs, spacer, error);
    }
}
