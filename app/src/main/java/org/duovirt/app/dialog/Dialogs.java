package org.duovirt.app.dialog;

import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.duovirt.app.ui.Theme;

/** What every dialog shares: owner, theme, an id for tests. */
public final class Dialogs {
    private Dialogs() {
    }

    public static void prepare(Dialog<?> dialog, Window owner, String id) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setId(id);
        Theme.apply(dialog.getDialogPane().getStylesheets());
        dialog.setResizable(true);
    }
}
