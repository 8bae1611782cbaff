package org.duovirt.app.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;

import java.nio.file.Path;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.Snapshots;
import org.duovirt.app.ui.Theme;
import org.duovirt.core.stats.history.HistoryRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The range bar in both themes: the chosen range stands out from the others (WCAG's 3:1 for a control's
 * state) and its text stays readable on it (4.5:1). Modena only darkens a selected toggle by a fifth, which
 * on the dark theme's grey left "10 min" barely darker than "1 min" (1.2:1).
 */
@ExtendWith(ApplicationExtension.class)
class RangeButtonsThemeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Messages.use(java.util.Locale.ENGLISH);
    }

    @AfterEach
    void hide() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            stage.hide();
            Theme.setDark(false);
        }));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theChosenRangeStandsOutAndStaysReadable(boolean dark, FxRobot robot) {
        HBox bar = onFx(() -> {
            Theme.setDark(dark);
            HBox b = RangeButtons.bar("t-range-", new SimpleObjectProperty<>(HistoryRange.TEN_MINUTES));
            Scene scene = new Scene(new BorderPane(idleDiskChart(), b, null, null, null), 560, 260);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            return b;
        });
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton chosen = onFx(() -> (ToggleButton) bar.lookup("#t-range-ten_minutes"));
        ToggleButton other = onFx(() -> (ToggleButton) bar.lookup("#t-range-minute"));
        assertThat(onFx(chosen::isSelected)).isTrue();
        Color chosenBg = onFx(() -> face(chosen));
        Color otherBg = onFx(() -> face(other));
        Color chosenText = onFx(() -> (Color) chosen.getTextFill());
        Color otherText = onFx(() -> (Color) other.getTextFill());
        String theme = dark ? "dark" : "light";
        Snapshots.save(onFx(bar::getParent), Path.of("target/screenshots/range-buttons-" + theme + ".png"));
        assertThat(contrast(chosenBg, otherBg)).as("%s: chosen %s against the others' %s", theme, chosenBg, otherBg)
                .isGreaterThanOrEqualTo(3.0);
        assertThat(contrast(chosenText, chosenBg)).as("%s: chosen text %s on %s", theme, chosenText, chosenBg)
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(otherText, otherBg)).as("%s: text %s on %s", theme, otherText, otherBg)
                .isGreaterThanOrEqualTo(4.5);
    }

    /** The disk chart of a VM that has not touched its disk for a minute, as the Performance tab draws it. */
    private static TimeChart idleDiskChart() {
        long[] times = new long[60];
        float[] zero = new float[60];
        for (int i = 0; i < times.length; i++) {
            times[i] = 1_000L * i;
        }
        TimeChart chart = new TimeChart();
        chart.titleProperty().set("Disk throughput");
        chart.axisLabelProperty().set("bytes/s (IEC)");
        chart.valueFormatProperty().set(PerfChart.DISK_BYTES.format());
        chart.dataProperty().set(new ChartData(0, 60_000, times, java.util.List.of(new ChartData.Line("Read", zero),
                new ChartData.Line("Write", zero.clone())), Double.NaN, PerfChart.DISK_BYTES.scale()));
        return chart;
    }

    /** The colour a button paints behind its text: its innermost background fill (a gradient's mean). */
    private static Color face(ToggleButton b) {
        var fills = b.getBackground().getFills();
        Paint p = fills.get(fills.size() - 1).getFill();
        if (p instanceof Color c) {
            return c;
        }
        LinearGradient g = (LinearGradient) p;
        double r = 0, gr = 0, bl = 0;
        for (Stop s : g.getStops()) {
            r += s.getColor().getRed();
            gr += s.getColor().getGreen();
            bl += s.getColor().getBlue();
        }
        int n = g.getStops().size();
        return Color.color(r / n, gr / n, bl / n);
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
