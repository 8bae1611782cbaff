package org.duovirt.app.perf;

import java.util.function.DoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * A time-series chart drawn on one Canvas, a Control + Skin in the AtlantaFX manner: the control holds
 * the state (data, labels, hover text), {@link TimeChartSkin} draws it. One canvas per chart, not a
 * LineChart of nodes: a tab of six charts with a day of samples redraws in a pulse.
 */
public final class TimeChart extends Control {
    public static final String STYLE_CLASS = "time-chart";
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>(this, "data", ChartData.EMPTY);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty axisLabel = new SimpleStringProperty(this, "axisLabel", "");
    private final ObjectProperty<DoubleFunction<String>> valueFormat =
            new SimpleObjectProperty<>(this, "valueFormat", v -> String.format(java.util.Locale.ROOT, "%.1f", v));
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");

    public TimeChart() {
        getStyleClass().add(STYLE_CLASS);
        setMinSize(200, 140);
        setPrefSize(520, 200);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimeChartSkin(this);
    }

    ChartData getDataSafe() {
        return data.get() == null ? ChartData.EMPTY : data.get();
    }

    public String getTitle() {
        return title.get();
    }

    public String getAxisLabel() {
        return axisLabel.get();
    }

    public DoubleFunction<String> getValueFormat() {
        return valueFormat.get();
    }

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** The value axis' label: the unit and, for CPU, the definition (ADR 0003). */
    public StringProperty axisLabelProperty() {
        return axisLabel;
    }

    public ObjectProperty<DoubleFunction<String>> valueFormatProperty() {
        return valueFormat;
    }

    /** The time and the values under the mouse, exactly as drawn beside it; empty when the mouse is away. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    void setHoverText(String text) {
        hoverText.set(text);
    }

    /** The value axis' labels as drawn, from 0 at the bottom to the top. */
    public java.util.List<String> axisLabels() {
        ValueAxis axis = getDataSafe().axis();
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i <= axis.steps(); i++) {
            labels.add(valueFormat.get().apply(axis.value(i)));
        }
        return labels;
    }

    /** The text shown for the sample at {@code index}: its clock time, then each line's value. */
    public String describe(int index) {
        ChartData d = data.get();
        if (index < 0 || index >= d.size()) {
            return "";
        }
        StringBuilder b = new StringBuilder(TimeAxis.full(d.times()[index]));
        for (ChartData.Line line : d.lines()) {
            float v = line.values()[index];
            b.append("   ").append(line.label()).append(": ")
                    .append(Float.isNaN(v) ? "–" : valueFormat.get().apply(v));
        }
        return b.toString();
    }
}
