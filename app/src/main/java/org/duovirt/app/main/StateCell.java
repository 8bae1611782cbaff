package org.duovirt.app.main;

import javafx.scene.control.TableCell;
import org.duovirt.app.Messages;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.Icons;
import org.duovirt.core.model.VmState;

/** The state column: icon and translated word (virt-manager's words: Suspended for pmsuspended, Saved for a saved image). */
final class StateCell extends TableCell<VmRow, VmState> {
    /** Wide enough for the longest state word with its icon, whichever states are listed. */
    static double widest() {
        double w = 0;
        for (VmState s : VmState.values()) {
            w = Math.max(w, ColumnFit.width(Messages.get("state." + s.cliName()), javafx.scene.text.Font.getDefault()));
        }
        return w + 16 + 4 + ColumnFit.SLACK;
    }

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
        ColumnFit.fit(getTableColumn(), this);
    }
}
