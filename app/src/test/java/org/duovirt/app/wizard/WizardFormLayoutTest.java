package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;

import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.validation.ValidationSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A wizard page that hides rows (the source page shows only the chosen kind's fields; a field's problem line is
 * hidden while there is none) closes up: the rows around hidden ones are one row spacing apart, whatever was hidden.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFormLayoutTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void hiddenRowsLeaveNoGap() {
        double[] gaps = onFx(() -> {
            WizardForm form = new WizardForm(new ValidationSupport());
            SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
            TextField first = form.field("wizard.name", new TextField(), new SimpleStringProperty(""));
            List<TextField> hidden = List.of(form.field("wizard.kernel", new TextField(), new SimpleStringProperty("")),
                    form.field("wizard.initrd", new TextField(), null), form.line(new TextField()));
            for (TextField t : hidden) {
                t.visibleProperty().bind(shown);
                t.managedProperty().bind(shown);
                javafx.scene.Node label = form.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label l
                        && l.getLabelFor() == t).findFirst().orElse(null);
                if (label != null) {
                    label.visibleProperty().bind(shown);
                    label.managedProperty().bind(shown);
                }
            }
            TextField last = form.field("wizard.os", new TextField(), null);
            TextField after = form.field("wizard.memory", new TextField(), null);
            stage.setScene(new Scene(form, 640, 600));
            stage.show();
            form.applyCss();
            form.layout();
            double hiddenGap = last.getBoundsInParent().getMinY() - first.getBoundsInParent().getMaxY();
            double shownGap = after.getBoundsInParent().getMinY() - last.getBoundsInParent().getMaxY();
            stage.hide();
            return new double[] {hiddenGap, shownGap};
        });
        assertThat(gaps[1]).as("two shown rows").isEqualTo(6.0);
        assertThat(gaps[0]).as("around three hidden rows and two hidden problem lines").isEqualTo(gaps[1]);
    }
}
