package org.duovirt.app.prefs;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duovirt.app.Messages;
import org.duovirt.app.config.StatsIntervals;
import org.duovirt.app.ui.Theme;

/** Preferences: one update-interval spinner (1–60 s) per host. */
public final class PreferencesDialog {
    private PreferencesDialog() {
    }

    public static Dialog<ButtonType> create(Window owner, PreferencesViewModel vm) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("prefs.title"));
        d.setHeaderText(Messages.get("prefs.header"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label(Messages.get("prefs.host")), new Label(Messages.get("prefs.interval")));
        int row = 1;
        for (PreferencesViewModel.HostInterval h : vm.hosts()) {
            Spinner<Integer> spinner = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                    StatsIntervals.MIN_SECONDS, StatsIntervals.MAX_SECONDS, h.seconds().get()));
            spinner.setEditable(true);
            spinner.setId("prefs-interval-" + (row - 1));
            spinner.valueProperty().addListener((o, a, b) -> h.seconds().set(b == null ? 0 : b));
            grid.addRow(row++, new Label(h.host().displayName()), spinner);
        }
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(vm.problemProperty());
        d.getDialogPane().setContent(new VBox(8, grid, problem));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(vm.problemProperty().isNotEmpty());
        Theme.apply(d.getDialogPane().getStylesheets());
        return d;
    }

    /** Shows the dialog and applies on OK. */
    public static void show(Window owner, PreferencesViewModel vm) {
        if (create(owner, vm).showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            vm.apply();
        }
    }
}
