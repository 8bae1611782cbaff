package org.duovirt.app.storage;

import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.duovirt.app.Messages;
import org.duovirt.core.model.PoolInfo;

/** The row under the pool list: New pool…, Start, Stop, Autostart, Delete pool…, and why the greyed ones are greyed. */
final class PoolRow {
    private PoolRow() {
    }

    static HBox of(PoolActions actions, StorageViewModel vm) {
        Button create = new Button(Messages.get("pool.new"));
        create.setId("pool-new");
        create.setOnAction(e -> actions.newPool());
        if (actions.newReason() != null) {
            create.setDisable(true);
            create.setTooltip(new Tooltip(actions.newReason()));
        }
        Button start = button("pool-start", "pool.start", actions.startReason());
        start.setOnAction(e -> actions.start());
        Button stop = button("pool-stop", "pool.stop", actions.stopReason());
        stop.setOnAction(e -> actions.stop());
        CheckBox autostart = new CheckBox(Messages.get("pool.autostart"));
        autostart.setId("pool-autostart");
        autostart.disableProperty().bind(actions.selectReason().isNotNull());
        Runnable show = () -> {
            PoolInfo p = vm.selectedPoolProperty().get();
            autostart.setSelected(p != null && p.autostart());
        };
        vm.selectedPoolProperty().addListener((o, a, b) -> show.run());
        show.run();
        // The user's click, not the listener above, changes the host.
        autostart.setOnAction(e -> actions.setAutostart(autostart.isSelected()));
        Button delete = button("pool-delete", "pool.delete", actions.selectReason());
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> actions.delete());
        // A greyed action is not an error: the reason is plain text, not the red of a field's problem.
        Label reason = new Label();
        reason.setId("pool-reason");
        reason.setWrapText(true);
        // Disabled buttons show no tooltip: the reason of the first greyed action is written out beside them.
        reason.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> first(actions.selectReason(),
                actions.startReason(), actions.stopReason()), actions.selectReason(), actions.startReason(), actions.stopReason()));
        HBox row = new HBox(6, create, start, stop, autostart, delete, reason);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Button button(String id, String key, StringBinding reason) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.disableProperty().bind(reason.isNotNull());
        b.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> reason.get() == null ? null : new Tooltip(reason.get()), reason));
        return b;
    }

    private static String first(StringBinding... reasons) {
        for (StringBinding r : reasons) {
            if (r.get() != null) {
                return r.get();
            }
        }
        return null;
    }
}
