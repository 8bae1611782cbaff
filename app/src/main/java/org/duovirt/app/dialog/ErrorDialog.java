package org.duovirt.app.dialog;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.duovirt.app.Messages;
import org.duovirt.core.text.Printable;
import org.duovirt.app.ui.FxThread;
import org.duovirt.core.error.DuovirtException;

/** An error as one clear sentence and a hint, with the raw details and stack trace behind "Show details". */
public final class ErrorDialog {
    /**
     * A wrapping label asks for its whole text on one line, so without a width the dialog grew as wide as the
     * longest sentence (1,827 px for a long libvirt error); at this width sentences wrap instead.
     */
    static final double WIDTH = 600;

    private ErrorDialog() {
    }

    public static Alert create(Window owner, DuovirtException error) {
        FxThread.check();
        Alert alert = new Alert(Alert.AlertType.ERROR);
        Dialogs.prepare(alert, owner, "error-dialog");
        alert.getDialogPane().setPrefWidth(WIDTH);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setTitle(Messages.get("error.title"));
        alert.setHeaderText(Printable.line(error.getMessage()));
        alert.setContentText(error.hint() == null ? "" : Printable.line(error.hint()));
        TextArea details = new TextArea(Printable.block(details(error)));
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        details.getStyleClass().add("console-area");
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(6, new Label(Messages.get("error.details")), details));
        return alert;
    }

    public static void show(Window owner, DuovirtException error) {
        create(owner, error).show();
    }

    static String details(Throwable error) {
        StringBuilder b = new StringBuilder();
        if (error instanceof DuovirtException d && d.details() != null) {
            b.append(d.details()).append("\n\n");
        }
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return b.append(trace).toString();
    }
}
