package org.duovirt.app.perf;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.TextAlignment;

/**
 * The moving part of a {@link TimeChart}: grid, lines and clock labels, on a canvas wider than the plot. A tick
 * that only slides the window (the old samples unchanged, new ones after them, the same axis) appends the new
 * segments to the canvas and moves it left by whole pixels; everything is drawn anew only when the axis, the
 * range, the lines or the size change, or the canvas runs out of room on the right. Under JavaFX's software
 * pipeline (no GPU) a full redraw of the six charts every second was most of the Performance tab's CPU
 * (docs/benchmarks.md): rasterising the lines and labels again, clearing and blending the whole canvas.
 *
 * <p>The pane's origin is the plot's left edge, {@link TimeChartSkin#PAD} above the plot's top.
 */
final class ChartStrip extends Pane {
    /** Room on the right for appending, in pixels: at 10 minutes over ~600 px, a full redraw every ~2 minutes. */
    static final double EXTRA = 160;
    /** Room kept free right of the newest time for its clock label. */
    private static final double LABEL_ROOM = 40;
    private final Canvas canvas = new Canvas();
    private final Rectangle clip = new Rectangle();
    private final Rectangle backdrop = new Rectangle();
    private ChartData drawn;
    private ValueAxis axis;
    private boolean dark;
    private double plotW;
    private double plotH;
    private long origin;
    private double msPerPx;
    private long tickStep;
    private int fullDraws;
    private int appends;

    ChartStrip() {
        getChildren().addAll(backdrop, canvas);
        setClip(clip);
    }

    /**
     * Shows {@code d} in a pane of {@code w × h}: appends when {@code d} continues what is drawn, else draws anew.
     */
    void show(ChartData d, double w, double h, boolean darkTheme) {
        double pw = Math.max(10, w - TimeChartSkin.RIGHT);
        double ph = Math.max(10, h - TimeChartSkin.PAD - TimeChartSkin.BOTTOM);
        ValueAxis a = d.axis();
        boolean sized = canvas.getHeight() == h && canvas.getWidth() == Math.ceil(w + EXTRA) && pw == plotW && ph == plotH;
        int from = sized && darkTheme == dark && a.equals(axis) ? continuation(drawn, d) : -1;
        if (from >= 0 && x(d.toMillis()) + LABEL_ROOM <= canvas.getWidth()) {
            append(d, from);
        } else {
            // One pixel wider on each side than the pane: JavaFX only paints from inside a clipped pane when the
            // clip holds the whole (rounded-out) dirty area. The bands, drawn after the strip, cover the overhang.
            clip.setX(-1);
            clip.setY(-1);
            clip.setWidth(w + 2);
            clip.setHeight(h + 2);
            canvas.setWidth(Math.ceil(w + EXTRA));
            canvas.setHeight(h);
            plotW = pw;
            plotH = ph;
            axis = a;
            dark = darkTheme;
            // Opaque and a little larger than the area a tick repaints (which JavaFX rounds out to whole pixels):
            // JavaFX then paints from this rectangle up, skipping the backgrounds of every ancestor under it (the
            // scroll pane's, drawn from a cached image stretched over the area, was half the renderer's time).
            // A shape, not a Region background: the software pipeline fills it directly. The clip cuts it.
            backdrop.relocate(-2, -2);
            backdrop.setWidth(w + 4);
            backdrop.setHeight(h + 4);
            backdrop.setFill(TimeChartSkin.background(dark));
            drawAll(d);
        }
        drawn = d;
        canvas.setTranslateX(-Math.round(x(d.fromMillis())));
    }

    /**
     * The index in {@code d} of the newest sample already drawn, when {@code d} is {@code was} with older
     * samples dropped and newer ones added (same range, same lines, equal values where they overlap); else -1.
     */
    static int continuation(ChartData was, ChartData d) {
        if (was == null || was.size() == 0 || d.size() == 0 || was.lines().size() != d.lines().size()
                || was.toMillis() - was.fromMillis() != d.toMillis() - d.fromMillis() || d.toMillis() < was.toMillis()) {
            return -1;
        }
        int n = was.size();
        int k = Arrays.binarySearch(d.times(), was.times()[n - 1]);
        if (k < 0 || k > n - 1) {
            return -1;
        }
        for (int l = 0; l < d.lines().size(); l++) {
            ChartData.Line a = was.lines().get(l);
            ChartData.Line b = d.lines().get(l);
            if (!a.label().equals(b.label())) {
                return -1;
            }
            for (int j = 0; j <= k; j++) {
                if (Float.floatToIntBits(a.values()[n - 1 - k + j]) != Float.floatToIntBits(b.values()[j])) {
                    return -1;
                }
            }
        }
        for (int j = 0; j <= k; j++) {
            if (was.times()[n - 1 - k + j] != d.times()[j]) {
                return -1;
            }
        }
        return k;
    }

    private double x(long t) {
        return (t - origin) / msPerPx;
    }

    private void drawAll(ChartData d) {
        fullDraws++;
        long range = Math.max(1, d.toMillis() - d.fromMillis());
        origin = d.fromMillis();
        msPerPx = range / plotW;
        tickStep = TimeAxis.step(range, (int) Math.max(2, plotW / 90));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(TimeChartSkin.background(dark));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawPiece(g, d, d.fromMillis(), 0);
    }

    private void append(ChartData d, int from) {
        appends++;
        drawPiece(canvas.getGraphicsContext2D(), d, drawn.toMillis(), from);
    }

    /** The grid from {@code after} to the data's end, the ticks after {@code after}, the lines from sample {@code from}. */
    private void drawPiece(GraphicsContext g, ChartData d, long after, int from) {
        Color text = dark ? TimeChartSkin.DARK_TEXT : TimeChartSkin.LIGHT_TEXT;
        Color grid = dark ? TimeChartSkin.DARK_GRID : TimeChartSkin.LIGHT_GRID;
        double x0 = x(after);
        double x1 = x(d.toMillis());
        g.setStroke(grid);
        g.setLineWidth(1);
        g.setLineCap(StrokeLineCap.SQUARE);
        int steps = axis.steps();
        for (int i = 0; i <= steps; i++) {
            double y = Math.round(y(axis.value(i))) + 0.5;
            g.strokeLine(x0, y, x1, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFont(TimeChartSkin.FONT_10);
        for (long t = (after / tickStep + 1) * tickStep; t <= d.toMillis(); t += tickStep) {
            double x = Math.round(x(t)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(x, TimeChartSkin.PAD, x, TimeChartSkin.PAD + plotH);
            g.setFill(text);
            g.fillText(TimeAxis.label(t, tickStep), x(t), TimeChartSkin.PAD + plotH + 4);
        }
        Color[] palette = dark ? TimeChartSkin.DARK : TimeChartSkin.LIGHT;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (int l = 0; l < d.lines().size(); l++) {
            g.setStroke(palette[l % palette.length]);
            g.setLineWidth(l == 0 ? 2 : 1.2);
            drawLine(g, d, d.lines().get(l).values(), from);
        }
    }

    private double y(double value) {
        return TimeChartSkin.PAD + plotH - plotH * Math.min(1, Math.max(0, value / axis.top()));
    }

    /** From sample {@code from} on; NaN breaks the line. Round caps and joins: appended pieces meet as one line. */
    private void drawLine(GraphicsContext g, ChartData d, float[] values, int from) {
        boolean drawing = false;
        g.beginPath();
        for (int i = from; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                drawing = false;
                continue;
            }
            double x = x(d.times()[i]);
            double y = y(values[i]);
            if (drawing) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                drawing = true;
            }
        }
        g.stroke();
    }

    /** How often the strip was drawn from scratch, and appended to (tests). */
    int fullDraws() {
        return fullDraws;
    }

    int appends() {
        return appends;
    }

    Canvas canvas() {
        return canvas;
    }
}
