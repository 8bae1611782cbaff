package org.duovirt.app.overview;

import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;

/**
 * One physical CPU in the host overview's strip: its number, its load as a bar and a figure, and the vCPUs
 * placed on it now ("web/0"); the tooltip lists every one of them.
 */
final class CpuCell extends VBox {
    static final String STYLE_CLASS = "host-cpu-cell";
    static final double WIDTH = 64;
    private static final int SHOWN_VCPUS = 2;
    private static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private final int cpu;
    private final Label load = new Label("–");
    private final Region fill = new Region();
    private final Label vcpus = new Label();
    private final Tooltip tooltip = new Tooltip();

    CpuCell(int cpu, boolean online) {
        this.cpu = cpu;
        setId("host-cpu-" + cpu);
        getStyleClass().add(STYLE_CLASS);
        pseudoClassStateChanged(OFFLINE, !online);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        Label number = new Label(Messages.get("overview.cpu", cpu));
        number.getStyleClass().add("host-cpu-number");
        load.getStyleClass().add("host-cpu-load");
        Region track = new Region();
        track.getStyleClass().add("host-cpu-track");
        fill.getStyleClass().add("host-cpu-fill");
        fill.setMaxWidth(0);
        StackPane bar = new StackPane(track, fill);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPrefHeight(6);
        bar.setMaxHeight(6);
        track.setMaxHeight(6);
        fill.setMaxHeight(6);
        vcpus.getStyleClass().add("host-cpu-vcpus");
        vcpus.setWrapText(true);
        vcpus.setMinHeight(26);
        vcpus.setMaxWidth(WIDTH - 6);
        // Number, bar, figure on lines of their own: "CPU 12" beside "100 %" does not fit a cell this narrow.
        getChildren().addAll(number, bar, load, vcpus);
        Tooltip.install(this, tooltip);
        show(Double.NaN, List.of());
    }

    int cpu() {
        return cpu;
    }

    /** The load (0–100, NaN unknown) and the vCPUs on this CPU now. */
    void show(double percent, List<String> placed) {
        boolean known = !Double.isNaN(percent);
        load.setText(known ? String.format(Locale.ROOT, "%.0f %%", percent) : "–");
        fill.setMaxWidth(known ? (WIDTH - 8) * Math.max(0, Math.min(100, percent)) / 100 : 0);
        pseudoClassStateChanged(BUSY, known && percent >= 80);
        String text = String.join("\n", placed.subList(0, Math.min(SHOWN_VCPUS, placed.size())));
        if (placed.size() > SHOWN_VCPUS) {
            text += " " + Messages.get("overview.more", placed.size() - SHOWN_VCPUS);
        }
        vcpus.setText(text);
        tooltip.setText(Messages.get("overview.cpu.tooltip", cpu, load.getText(),
                placed.isEmpty() ? Messages.get("overview.no-vcpus") : String.join(", ", placed)));
    }

    String loadText() {
        return load.getText();
    }

    String vcpuText() {
        return vcpus.getText();
    }
}
