package org.duovirt.app.dialog;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.duovirt.app.Messages;

/** Asks before a destructive action, naming exactly what will happen; the safe answer is the default. */
public final class ConfirmDialog {
    private ConfirmDialog() {
    }

    /**
     * @param header  what will happen, e.g. "Force off web1 and db2?"
     * @param body    the consequence (data loss)
     * @param confirm the label of the destructive button
     */
    public static Alert create(Window owner, String header, String body, String confirm) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        Dialogs.prepare(alert, owner, "confirm-dialog");
        alert.setTitle(Messages.get("confirm.title"));
        alert.setHeaderText(header);
        Label text = new Label(body);
        text.setWrapText(true);
        text.getStyleClass().add("warning");
        alert.getDialogPane().setContent(text);
        ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(Messages.get("button.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(cancel, ok);
        // Enter must not destroy anything: Cancel is the default button.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        return alert;
    }

    public static boolean ask(Window owner, String header, String body, String confirm) {
        return create(owner, header, body, confirm).showAndWait()
                .map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }
}
