package org.duovirt.app.dialog;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duovirt.app.Messages;
import org.duovirt.core.model.StorageItem;

/** Confirms a delete and lists the storage: owned items (unchecked by default) and kept ones with the reason. */
public final class DeleteDialog {
    private DeleteDialog() {
    }

    /** A dialog whose result is true to delete; read the storage choice from the view model. */
    public static Dialog<Boolean> create(Window owner, DeleteDialogViewModel vm) {
        Dialog<Boolean> dialog = new Dialog<>();
        Dialogs.prepare(dialog, owner, "delete-dialog");
        dialog.setTitle(Messages.get("delete.title"));
        dialog.setHeaderText(vm.header());

        VBox content = new VBox(10);
        content.setPrefWidth(720);
        CheckBox storage = new CheckBox(Messages.get("delete.storage-checkbox", vm.owned().size()));
        storage.setId("delete-storage");
        storage.selectedProperty().bindBidirectional(vm.deleteStorageProperty());
        storage.setDisable(!vm.hasOwnedStorage());
        content.getChildren().add(storage);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.setId("delete-storage-list");
        int row = 0;
        for (StorageItem item : vm.items()) {
            CheckBox mark = new CheckBox();
            mark.setDisable(true);
            if (item.owned()) {
                mark.selectedProperty().bind(vm.deleteStorageProperty());
            }
            Label what = new Label(vm.describe(item));
            what.setWrapText(true);
            Label fate = new Label();
            fate.textProperty().bind(Bindings.createStringBinding(() -> vm.fate(item), vm.deleteStorageProperty()));
            fate.getStyleClass().add(item.owned() ? "value" : "key");
            fate.setWrapText(true);
            // Path above its fate: long paths and reasons are read whole, never cut off.
            grid.addRow(row++, mark, new javafx.scene.layout.VBox(2, what, fate));
        }
        if (vm.items().isEmpty()) {
            grid.add(new Label(Messages.get("delete.no-storage")), 0, 0);
        }
        content.getChildren().add(grid);
        Label summary = new Label();
        summary.setId("delete-summary");
        summary.getStyleClass().add("warning");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summary());
        content.getChildren().add(summary);
        dialog.getDialogPane().setContent(content);

        ButtonType delete = new ButtonType(Messages.get("action.delete"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancel, delete);
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        dialog.setResultConverter(b -> b == delete);
        return dialog;
    }
}
