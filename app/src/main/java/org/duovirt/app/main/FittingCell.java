package org.duovirt.app.main;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import org.duovirt.app.host.VmRow;

/** A text cell of the VM table that widens its column to what it shows ({@link ColumnFit}). */
final class FittingCell<T> extends TableCell<VmRow, T> {
    private final Function<T, String> text;

    FittingCell(Function<T, String> text) {
        this.text = text;
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        setText(empty || value == null ? null : text.apply(value));
        ColumnFit.fit(getTableColumn(), this);
    }
}
