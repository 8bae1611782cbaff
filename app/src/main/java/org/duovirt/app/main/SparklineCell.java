package org.duovirt.app.main;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.duovirt.app.host.Series;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.ui.Theme;

/**
 * A sparkline drawn on a Canvas: the last {@link Series#POINTS} samples as a filled line, the
 * latest value as text. Canvas, not LineChart: hundreds of rows must redraw in one pulse.
 */
public final class SparklineCell extends TableCell<VmRow, Series> {
    private static final double HEIGHT = 22;
    // Parsed and looked up once: redraw runs for every chart (and every sparkline) on every stats tick.
    private static final Color DARK_LINE = Color.web("#5b9bff");
    private static final Color LIGHT_LINE = Color.web("#2f6fde");
    private static final Color DARK_BASELINE = Color.web("#2a2d33");
    private static final Color LIGHT_BASELINE = Color.web("#e6e9ee");
    private static final Color DARK_TEXT = Color.web("#c3c8cf");
    private static final Color LIGHT_TEXT = Color.web("#4a515b");
    private static final Font FONT_11 = Font.font(11);
    private final Canvas canvas = new Canvas(120, HEIGHT);

    public SparklineCell() {
        getStyleClass().add("sparkline-cell");
        setText(null);
        widthProperty().addListener((o, a, b) -> redraw());
    }

    @Override
    protected void updateItem(Series item, boolean empty) {
        super.updateItem(item, empty);
        setGraphic(empty || item == null ? null : canvas);
        redraw();
    }

    private void redraw() {
        Series s = getItem();
        if (s == null || isEmpty()) {
            return;
        }
        double w = Math.max(20, getWidth() - getInsets().getLeft() - getInsets().getRight());
        canvas.setWidth(w);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, HEIGHT);
        boolean dark = Theme.isDark();
        Color line = dark ? DARK_LINE : LIGHT_LINE;
        g.setStroke(dark ? DARK_BASELINE : LIGHT_BASELINE);
        g.setLineWidth(1);
        g.strokeLine(0, HEIGHT - 0.5, w, HEIGHT - 0.5);
        double labelWidth = 58;
        double graphW = Math.max(10, w - labelWidth);
        plot(g, s, graphW, line);
        g.setFill(dark ? DARK_TEXT : LIGHT_TEXT);
        g.setFont(FONT_11);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.label(), w - 2, HEIGHT / 2);
    }

    private static void plot(GraphicsContext g, Series s, double graphW, Color line) {
        int n = s.size();
        if (n == 0) {
            return;
        }
        double step = graphW / (Series.POINTS - 1);
        double x0 = graphW - (n - 1) * step;
        double top = 2;
        double bottom = HEIGHT - 2;
        g.setStroke(line);
        g.setLineWidth(1.5);
        g.setFill(line.deriveColor(0, 1, 1, 0.18));
        // Each run of known values is one filled polygon; NaN (no value) breaks the line.
        int i = 0;
        while (i < n) {
            while (i < n && Double.isNaN(s.value(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Double.isNaN(s.value(i))) {
                i++;
            }
            if (i - start >= 1) {
                drawRun(g, s, start, i, x0, step, top, bottom);
            }
        }
    }

    private static void drawRun(GraphicsContext g, Series s, int from, int to, double x0, double step, double top, double bottom) {
        g.beginPath();
        g.moveTo(x0 + from * step, bottom);
        for (int k = from; k < to; k++) {
            double y = bottom - (bottom - top) * Math.min(1, s.value(k) / s.max());
            g.lineTo(x0 + k * step, y);
        }
        g.lineTo(x0 + (to - 1) * step, bottom);
        g.closePath();
        g.fill();
        g.beginPath();
        for (int k = from; k < to; k++) {
            double y = bottom - (bottom - top) * Math.min(1, s.value(k) / s.max());
            if (k == from) {
                g.moveTo(x0 + k * step, y);
            } else {
                g.lineTo(x0 + k * step, y);
            }
        }
        g.stroke();
    }
}
