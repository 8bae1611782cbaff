package org.duovirt.app.perf;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.duovirt.app.ui.Theme;

/**
 * Draws a {@link TimeChart}: title, unit and legend in a band on top, the value axis' labels in a band on the
 * left (both redrawn only when what they show changes), the grid, lines and clock labels in a {@link ChartStrip}
 * that slides, and under the mouse a cursor line with the exact values on an overlay shown only while hovering.
 * A tick then repaints the plot only, and mostly by appending (the software pipeline repaints what changed).
 */
final class TimeChartSkin extends SkinBase<TimeChart> {
    static final double LEFT = 78;
    static final double RIGHT = 12;
    static final double TOP = 40;
    static final double BOTTOM = 34;
    /** The strip starts this far above the plot, so a line at the top of the axis is not cut (the legend ends above). */
    static final double PAD = 4;
    /** The left band starts this far above the plot: the top value label is centred on the plot's top edge. */
    private static final double LEFT_PAD = 10;
    static final Color[] LIGHT = {Color.web("#2f6fde"), Color.web("#d9534f"), Color.web("#2e9d5b"),
            Color.web("#e08a1e"), Color.web("#8e44ad"), Color.web("#16a2b8"), Color.web("#7f8c8d"), Color.web("#c0392b")};
    static final Color[] DARK = {Color.web("#5b9bff"), Color.web("#ff7b72"), Color.web("#56d364"),
            Color.web("#f0a040"), Color.web("#c297ff"), Color.web("#39c5cf"), Color.web("#a0a8b0"), Color.web("#ff9e8a")};
    // Parsed and looked up once: the charts redraw on every stats tick.
    static final Color DARK_TEXT = Color.web("#c3c8cf");
    static final Color LIGHT_TEXT = Color.web("#3b424c");
    static final Color DARK_GRID = Color.web("#2f333a");
    static final Color LIGHT_GRID = Color.web("#e3e6eb");
    private static final Color DARK_BACKGROUND = Color.web("#1e2126");
    private static final Color DARK_MUTED = Color.web("#8b939d");
    private static final Color LIGHT_MUTED = Color.web("#6a727c");
    private static final Color DARK_HOVER_BACKGROUND = Color.web("#000000b0");
    private static final Color LIGHT_HOVER_BACKGROUND = Color.web("#ffffffd0");
    static final Font FONT_10 = Font.font(10);
    static final Font FONT_11 = Font.font(11);
    private static final Font FONT_12 = Font.font(12);
    private final Canvas top = new Canvas();
    private final Canvas left = new Canvas();
    private final ChartStrip strip = new ChartStrip();
    private final Canvas hover = new Canvas();
    private double mouseX = -1;
    /** What the two bands show now: they are redrawn only when it changes. */
    private List<Object> topShown;
    private List<Object> leftShown;

    TimeChartSkin(TimeChart chart) {
        super(chart);
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        getChildren().addAll(strip, top, left, hover);
        chart.dataProperty().addListener(o -> update());
        chart.titleProperty().addListener(o -> update());
        chart.axisLabelProperty().addListener(o -> update());
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            mouseX = e.getX();
            drawHover();
        });
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            mouseX = -1;
            drawHover();
        });
    }

    static Color background(boolean dark) {
        return dark ? DARK_BACKGROUND : Color.WHITE;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (hover.getWidth() != w || hover.getHeight() != h) {
            hover.setWidth(w);
            hover.setHeight(h);
            top.setWidth(w);
            top.setHeight(TOP - PAD);
            left.setWidth(LEFT);
            left.setHeight(Math.max(0, h - TOP + LEFT_PAD));
            strip.resize(Math.max(0, w - LEFT), Math.max(0, h - TOP + PAD));
            topShown = null;
            leftShown = null;
            update();
        }
        top.relocate(x, y);
        left.relocate(x, y + TOP - LEFT_PAD);
        strip.relocate(x + LEFT, y + TOP - PAD);
        hover.relocate(x, y);
    }

    private void update() {
        double w = hover.getWidth();
        double h = hover.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        TimeChart chart = getSkinnable();
        ChartData d = chart.getDataSafe();
        boolean dark = Theme.isDark();
        drawTop(chart, d, dark, w);
        drawLeft(chart, d, dark, h);
        strip.show(d, w - LEFT, h - TOP + PAD, dark);
        drawHover();
    }

    private void drawTop(TimeChart chart, ChartData d, boolean dark, double w) {
        List<Object> shown = new ArrayList<>(java.util.Arrays.asList(dark, w, chart.getTitle(), chart.getAxisLabel()));
        d.lines().forEach(l -> shown.add(l.label()));
        if (shown.equals(topShown)) {
            return;
        }
        topShown = shown;
        GraphicsContext g = top.getGraphicsContext2D();
        Color text = dark ? DARK_TEXT : LIGHT_TEXT;
        g.setFill(background(dark));
        g.fillRect(0, 0, top.getWidth(), top.getHeight());
        g.setFont(FONT_12);
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(chart.getTitle(), 8, 4);
        // The unit and (for CPU) the definition, beside the title where there is room for the whole text.
        double titleWidth = chart.getTitle().length() * 7.5 + 16;
        g.setFont(FONT_10);
        g.setFill(dark ? DARK_MUTED : LIGHT_MUTED);
        g.fillText(chart.getAxisLabel(), 8 + titleWidth, 6);
        drawLegend(g, d, dark ? DARK : LIGHT, w, text);
    }

    private void drawLeft(TimeChart chart, ChartData d, boolean dark, double h) {
        List<String> labels = chart.axisLabels();
        List<Object> shown = List.of(dark, h, labels);
        if (shown.equals(leftShown)) {
            return;
        }
        leftShown = shown;
        GraphicsContext g = left.getGraphicsContext2D();
        // Clear, then the background only below the top band, which the band's top corner overlaps (legend).
        g.clearRect(0, 0, left.getWidth(), left.getHeight());
        g.setFill(background(dark));
        g.fillRect(0, LEFT_PAD - PAD, left.getWidth(), left.getHeight());
        double plotH = Math.max(10, h - TOP - BOTTOM);
        int steps = labels.size() - 1;
        g.setFont(FONT_10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(dark ? DARK_TEXT : LIGHT_TEXT);
        for (int i = 0; i <= steps; i++) {
            g.fillText(labels.get(i), LEFT - 4, LEFT_PAD + plotH - plotH * i / Math.max(1, steps));
        }
    }

    private static void drawLegend(GraphicsContext g, ChartData d, Color[] palette, double w, Color text) {
        g.setFont(FONT_11);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        double x = w - RIGHT;
        for (int l = d.lines().size() - 1; l >= 0; l--) {
            String label = d.lines().get(l).label();
            g.setFill(text);
            g.fillText(label, x, 22);
            x -= label.length() * 6.2 + 4;
            g.setFill(palette[l % palette.length]);
            g.fillRect(x - 10, 25, 10, 4);
            x -= 22;
        }
    }

    private static double x(ChartData d, long t, double plotW) {
        return LEFT + plotW * (t - d.fromMillis()) / (double) Math.max(1, d.toMillis() - d.fromMillis());
    }

    /** The cursor line and the values under the mouse, on the overlay; the overlay is hidden when the mouse is away. */
    private void drawHover() {
        TimeChart chart = getSkinnable();
        ChartData d = chart.getDataSafe();
        double plotW = Math.max(10, hover.getWidth() - LEFT - RIGHT);
        double plotH = Math.max(10, hover.getHeight() - TOP - BOTTOM);
        if (mouseX < LEFT || mouseX > LEFT + plotW || d.size() == 0) {
            chart.setHoverText("");
            hover.setVisible(false);
            return;
        }
        long t = d.fromMillis() + (long) ((mouseX - LEFT) / plotW * (d.toMillis() - d.fromMillis()));
        int i = d.nearest(t);
        String label = chart.describe(i);
        chart.setHoverText(label);
        boolean dark = Theme.isDark();
        Color text = dark ? DARK_TEXT : LIGHT_TEXT;
        GraphicsContext g = hover.getGraphicsContext2D();
        g.clearRect(0, 0, hover.getWidth(), hover.getHeight());
        double x = x(d, d.times()[i], plotW);
        g.setStroke(text);
        g.setLineWidth(1);
        g.strokeLine(Math.round(x) + 0.5, TOP, Math.round(x) + 0.5, TOP + plotH);
        g.setFont(FONT_11);
        g.setTextBaseline(VPos.TOP);
        boolean toLeft = x > LEFT + plotW / 2;
        g.setTextAlign(toLeft ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setFill(dark ? DARK_HOVER_BACKGROUND : LIGHT_HOVER_BACKGROUND);
        double approx = label.length() * 6.0;
        g.fillRect(toLeft ? x - 6 - approx : x + 4, TOP + 2, approx + 4, 16);
        g.setFill(text);
        g.fillText(label, toLeft ? x - 4 : x + 6, TOP + 4);
        hover.setVisible(true);
    }

    /** The sliding part (tests count its full redraws and appends). */
    ChartStrip strip() {
        return strip;
    }
}
