package org.duovirt.app.main;

import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a table column at least as wide as the widest value it has shown and its header, so that no value is
 * cut to "512…" or "Crash…" when the window narrows (the constrained resize policy otherwise squeezes columns
 * below their text). Widths only grow: a value seen once stays readable. Measuring one Text costs a few µs and
 * happens only for the cells on screen.
 */
final class ColumnFit {
    /** Room for the cell's padding, the sort arrow and rounding. */
    static final double SLACK = 22;
    private static final Text MEASURE = new Text();

    private ColumnFit() {
    }

    /** The width {@code text} needs in {@code font}. */
    static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        MEASURE.setFont(font);
        MEASURE.setText(text);
        return Math.ceil(MEASURE.getLayoutBounds().getWidth());
    }

    /** Grows the column so the cell's text (and its graphic) fits. */
    static void fit(TableColumn<?, ?> column, Labeled cell) {
        if (column == null || cell.getText() == null) {
            return;
        }
        double graphic = cell.getGraphic() == null ? 0 : cell.getGraphic().prefWidth(-1) + cell.getGraphicTextGap();
        grow(column, width(cell.getText(), cell.getFont()) + graphic + SLACK);
    }

    /** Makes the column at least {@code width} wide and never narrower than that again. */
    static void grow(TableColumn<?, ?> column, double width) {
        if (width > column.getMinWidth()) {
            column.setMinWidth(width);
            if (column.getPrefWidth() < width) {
                column.setPrefWidth(width);
            }
        }
    }

    /** Fits the header text (in the default font) before any row is shown. */
    static void fitHeader(TableColumn<?, ?> column) {
        grow(column, width(column.getText(), Font.getDefault()) + SLACK);
    }
}
