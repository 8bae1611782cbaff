package org.duovirt.app.details;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Greys a page's controls while a reason holds (the VM's state, or a backend that cannot make the change) and
 * shows that reason as one sentence beside them; the controls come back when the reason goes.
 */
final class Greying {
    private Greying() {
    }

    /**
     * @param reason why the controls cannot be used now, or null when they can
     * @return the label that says why (empty and hidden while nothing is greyed)
     */
    static Label grey(String id, ObservableValue<String> reason, Node... controls) {
        for (Node c : controls) {
            if (c.disableProperty().isBound()) {
                throw new IllegalArgumentException("A control with its own disable binding adds blocked(reason) to it instead.");
            }
            c.disableProperty().bind(blocked(reason));
        }
        Label why = new Label();
        why.setId(id);
        why.getStyleClass().add("greyed-reason");
        why.setWrapText(true);
        why.textProperty().bind(Bindings.createStringBinding(() -> reason.getValue() == null ? "" : reason.getValue(), reason));
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        return why;
    }

    /** True while the reason holds. */
    static javafx.beans.binding.BooleanBinding blocked(ObservableValue<String> reason) {
        return Bindings.createBooleanBinding(() -> reason.getValue() != null, reason);
    }

    /** A reason that never changes (a backend that lacks the feature), null for none. */
    static ObservableValue<String> fixed(String reason) {
        return new javafx.beans.property.SimpleStringProperty(reason);
    }
}
