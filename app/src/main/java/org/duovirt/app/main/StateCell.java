package org.duovirt.app.main;

import javafx.scene.control.TableCell;
import org.duovirt.app.Messages;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.model.VmState;

/** The state column: icon and translated word. */
final class StateCell extends TableCell<VmRow, VmState> {
    @Override
    protected void updateItem(VmState state, boolean empty) {
        super.updateItem(state, empty);
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
        } else {
            setText(Messages.get("state." + state.cliName()));
            setGraphic(Icons.state(state));
        }
    }
}
