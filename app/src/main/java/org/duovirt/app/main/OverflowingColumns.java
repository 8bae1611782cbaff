package org.duovirt.app.main;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Lets a table that squeezes its columns to its width ({@link TableView#CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN})
 * scroll sideways instead once the columns' minimum widths no longer fit. {@link ColumnFit} keeps every column at
 * least as wide as its values; under the constrained policy a narrow window would then push the last columns out
 * of sight with no scroll bar, cutting their values off at the edge.
 */
final class OverflowingColumns {
    /** The vertical scroll bar and the borders. */
    private static final double SLACK = 20;

    private OverflowingColumns() {
    }

    static void watch(TableView<?> table) {
        InvalidationListener recheck = o -> choose(table);
        table.widthProperty().addListener(recheck);
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.minWidthProperty().addListener(recheck);
            c.visibleProperty().addListener(recheck);
        }
        choose(table);
    }

    private static void choose(TableView<?> table) {
        double needed = SLACK;
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                needed += c.getMinWidth();
            }
        }
        boolean fits = table.getWidth() <= 0 || needed <= table.getWidth();
        var policy = fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != policy) {
            if (!fits) {
                // Unconstrained columns take their preferred widths: start them at what they need.
                table.getColumns().forEach(c -> c.setPrefWidth(Math.max(c.getMinWidth(), c.getWidth())));
            }
            table.setColumnResizePolicy(policy);
        } else if (fits && shown(table) > table.getWidth() + 2) {
            // A column's minimum grew (a longer value was shown): the constrained policy only squeezes the
            // others again when it is applied anew.
            javafx.application.Platform.runLater(() -> {
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            });
        }
    }

    private static double shown(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
    }
}
