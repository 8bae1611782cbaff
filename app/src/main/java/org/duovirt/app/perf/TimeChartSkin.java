package org.duovirt.app.perf;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.duovirt.app.ui.Theme;

/**
 * Draws a {@link TimeChart} on one Canvas: title, value axis with its label, clock-labelled time axis, the
 * lines (NaN breaks them), a legend, and under the mouse a cursor line with the exact values.
 */
final class TimeChartSkin extends SkinBase<TimeChart> {
    private static final double LEFT = 78;
    private static final double RIGHT = 12;
    private static final double TOP = 40;
    private static final double BOTTOM = 34;
    private static final Color[] LIGHT = {Color.web("#2f6fde"), Color.web("#d9534f"), Color.web("#2e9d5b"),
            Color.web("#e08a1e"), Color.web("#8e44ad"), Color.web("#16a2b8"), Color.web("#7f8c8d"), Color.web("#c0392b")};
    private static final Color[] DARK = {Color.web("#5b9bff"), Color.web("#ff7b72"), Color.web("#56d364"),
            Color.web("#f0a040"), Color.web("#c297ff"), Color.web("#39c5cf"), Color.web("#a0a8b0"), Color.web("#ff9e8a")};
    // Parsed and looked up once: redraw runs for every chart (and every sparkline) on every stats tick.
    private static final Color DARK_TEXT = Color.web("#c3c8cf");
    private static final Color LIGHT_TEXT = Color.web("#3b424c");
    private static final Color DARK_GRID = Color.web("#2f333a");
    private static final Color LIGHT_GRID = Color.web("#e3e6eb");
    private static final Color DARK_BACKGROUND = Color.web("#1e2126");
    private static final Color DARK_MUTED = Color.web("#8b939d");
    private static final Color LIGHT_MUTED = Color.web("#6a727c");
    private static final Color DARK_HOVER_BACKGROUND = Color.web("#000000b0");
    private static final Color LIGHT_HOVER_BACKGROUND = Color.web("#ffffffd0");
    private static final Font FONT_10 = Font.font(10);
    private static final Font FONT_11 = Font.font(11);
    private static final Font FONT_12 = Font.font(12);
    private final Canvas canvas = new Canvas();
    private double mouseX = -1;

    TimeChartSkin(TimeChart chart) {
        super(chart);
        getChildren().add(canvas);
        chart.dataProperty().addListener(o -> redraw());
        chart.titleProperty().addListener(o -> redraw());
        chart.axisLabelProperty().addListener(o -> redraw());
        canvas.setOnMouseMoved(e -> {
            mouseX = e.getX();
            redraw();
        });
        canvas.setOnMouseExited(e -> {
            mouseX = -1;
            redraw();
        });
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
        canvas.relocate(x, y);
    }

    private void redraw() {
        TimeChart chart = getSkinnable();
        ChartData d = chart.getDataSafe();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = Theme.isDark();
        Color text = dark ? DARK_TEXT : LIGHT_TEXT;
        Color grid = dark ? DARK_GRID : LIGHT_GRID;
        g.setFill(dark ? DARK_BACKGROUND : Color.WHITE);
        g.fillRect(0, 0, w, h);
        double plotW = Math.max(10, w - LEFT - RIGHT);
        double plotH = Math.max(10, h - TOP - BOTTOM);
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
        drawValueAxis(g, chart, d, plotH, plotW, text, grid);
        drawTimeAxis(g, d, plotW, plotH, text, grid);
        Color[] palette = dark ? DARK : LIGHT;
        for (int l = 0; l < d.lines().size(); l++) {
            drawLine(g, d, d.lines().get(l).values(), palette[l % palette.length], l == 0 ? 2 : 1.2, plotW, plotH);
        }
        drawLegend(g, d, palette, w, text);
        drawHover(g, chart, d, plotW, plotH, text);
    }

    private void drawValueAxis(GraphicsContext g, TimeChart chart, ChartData d, double plotH, double plotW, Color text, Color grid) {
        ValueAxis axis = d.axis();
        int steps = axis.steps();
        g.setFont(FONT_10);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= steps; i++) {
            double y = TOP + plotH - plotH * i / steps;
            g.setStroke(grid);
            g.setLineWidth(1);
            g.strokeLine(LEFT, Math.round(y) + 0.5, LEFT + plotW, Math.round(y) + 0.5);
            g.setFill(text);
            g.fillText(chart.getValueFormat().apply(axis.value(i)), LEFT - 4, y);
        }
    }

    private void drawTimeAxis(GraphicsContext g, ChartData d, double plotW, double plotH, Color text, Color grid) {
        long range = Math.max(1, d.toMillis() - d.fromMillis());
        long step = TimeAxis.step(range, (int) Math.max(2, plotW / 90));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(FONT_10);
        for (long t = (d.fromMillis() / step + 1) * step; t <= d.toMillis(); t += step) {
            double x = x(d, t, plotW);
            g.setStroke(grid);
            g.strokeLine(Math.round(x) + 0.5, TOP, Math.round(x) + 0.5, TOP + plotH);
            g.setFill(text);
            g.fillText(TimeAxis.label(t, step), x, TOP + plotH + 4);
        }
    }

    private static double x(ChartData d, long t, double plotW) {
        return LEFT + plotW * (t - d.fromMillis()) / (double) Math.max(1, d.toMillis() - d.fromMillis());
    }

    private static void drawLine(GraphicsContext g, ChartData d, float[] values, Color color, double width, double plotW, double plotH) {
        double top = d.top();
        g.setStroke(color);
        g.setLineWidth(width);
        boolean drawing = false;
        g.beginPath();
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                drawing = false;
                continue;
            }
            double x = x(d, d.times()[i], plotW);
            double y = TOP + plotH - plotH * Math.min(1, Math.max(0, values[i] / top));
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
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

    private void drawHover(GraphicsContext g, TimeChart chart, ChartData d, double plotW, double plotH, Color text) {
        if (mouseX < LEFT || mouseX > LEFT + plotW || d.size() == 0) {
            chart.setHoverText("");
            return;
        }
        long t = d.fromMillis() + (long) ((mouseX - LEFT) / plotW * (d.toMillis() - d.fromMillis()));
        int i = d.nearest(t);
        String label = chart.describe(i);
        chart.setHoverText(label);
        double x = x(d, d.times()[i], plotW);
        g.setStroke(text);
        g.setLineWidth(1);
        g.strokeLine(Math.round(x) + 0.5, TOP, Math.round(x) + 0.5, TOP + plotH);
        g.setFont(FONT_11);
        g.setTextBaseline(VPos.TOP);
        boolean left = x > LEFT + plotW / 2;
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.setFill(Theme.isDark() ? DARK_HOVER_BACKGROUND : LIGHT_HOVER_BACKGROUND);
        double approx = label.length() * 6.0;
        g.fillRect(left ? x - 6 - approx : x + 4, TOP + 2, approx + 4, 16);
        g.setFill(text);
        g.fillText(label, left ? x - 4 : x + 6, TOP + 4);
    }
}
