package org.duovirt.app.wizard;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.duovirt.app.Messages;

/**
 * A page's form: label, control, and the field's problem in one sentence right under the control. The
 * ValidationSupport adds ControlsFX's error decoration on the control for the same problem.
 * The space between rows is each node's margin, not the grid's vgap: GridPane puts its vgap between rows whose
 * nodes are all hidden and unmanaged too, so a page that hides rows (the source page's other kinds, problems that
 * are not there) would leave a gap where they were.
 */
final class WizardForm extends GridPane {
    private final ValidationSupport validation;
    private int row;

    WizardForm(ValidationSupport validation) {
        this.validation = validation;
        setHgap(12);
        setVgap(0);
        setPrefWidth(640);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(labels, controls);
    }

    /** A labelled control whose problem (may be null) shows beneath it. */
    <T extends Node> T field(String labelKey, T control, ReadOnlyStringProperty problem) {
        Label label = new Label(Messages.get(labelKey));
        label.setLabelFor(control);
        add(spaced(label), 0, row);
        add(spaced(control), 1, row++);
        if (problem != null) {
            Label text = new Label();
            text.getStyleClass().add("problem");
            text.setWrapText(true);
            // Problems may quote what the user typed: a newline or a bidi override in it must not reshape the line.
            text.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> org.duovirt.core.text.Printable.line(problem.get()), problem));
            text.managedProperty().bind(problem.isNotEmpty());
            text.visibleProperty().bind(problem.isNotEmpty());
            text.setId(control.getId() == null ? null : control.getId() + "-problem");
            add(spaced(text), 1, row++);
            if (control instanceof javafx.scene.control.Control c) {
                validation.registerValidator(c, false, (ctl, value) ->
                        ValidationResult.fromErrorIf(ctl, problem.get(), problem.get() != null && !problem.get().isEmpty()));
            }
        }
        return control;
    }

    /** A full-width line (a hint, a check box, a list). */
    <T extends Node> T line(T node) {
        add(spaced(node), 0, row++, 2, 1);
        return node;
    }

    /** Half the row spacing above and below: 6 px between two shown rows, none for a hidden one. */
    private static <T extends Node> T spaced(T node) {
        setMargin(node, ROW_SPACING);
        return node;
    }

    private static final javafx.geometry.Insets ROW_SPACING = new javafx.geometry.Insets(3, 0, 3, 0);
}
