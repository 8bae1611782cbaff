package org.duovirt.app.perf;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.duovirt.app.Messages;
import org.duovirt.core.stats.history.HistoryRange;

/** "Range: 1 min 10 min 1 h 24 h" as toggle buttons bound to a range property (Performance tab, host overview). */
public final class RangeButtons {
    private RangeButtons() {
    }

    /** A bar with the label and one button per range, ids {@code idPrefix + minute|ten_minutes|hour|day}. */
    public static HBox bar(String idPrefix, ObjectProperty<HistoryRange> range) {
        ToggleGroup ranges = new ToggleGroup();
        HBox bar = new HBox(4);
        bar.getStyleClass().add("range-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(new Label(Messages.get("perf.range")));
        for (HistoryRange r : HistoryRange.values()) {
            String name = r.name().toLowerCase(Locale.ROOT);
            ToggleButton b = new ToggleButton(Messages.get("perf.range." + name));
            b.setId(idPrefix + name);
            b.setToggleGroup(ranges);
            b.setSelected(range.get() == r);
            b.setOnAction(e -> {
                range.set(r);
                b.setSelected(true);
            });
            bar.getChildren().add(b);
        }
        return bar;
    }
}
