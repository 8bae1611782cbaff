package org.duovirt.app.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.duovirt.app.ui.Snapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart whose window slides by one sample per tick appends the new segments instead of drawing everything
 * again (the Performance tab's CPU under the software pipeline, docs/benchmarks.md), and what it then shows is
 * what a chart drawn from scratch shows; whatever else changes (an old sample, the axis, the range) draws anew.
 */
@ExtendWith(ApplicationExtension.class)
class SlidingChartTest {
    /** 600 px of plot for 10 minutes: one pixel per one-second sample, so a tick moves the picture exactly 1 px. */
    private static final double WIDTH = TimeChartSkin.LEFT + 600 + TimeChartSkin.RIGHT;
    private static final long RANGE = 600_000;
    private static final long T0 = 1_700_000_000_000L;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void hide() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(stage::hide));
    }

    @Test
    void aSlidingWindowIsAppendedAndLooksLikeAFreshDrawing() {
        TimeChart sliding = new TimeChart();
        TimeChart fresh = new TimeChart();
        TimeChart later = new TimeChart();
        show(sliding, fresh, later);
        ChartStrip strip = strip(sliding);
        int drawn = onFx(() -> {
            sliding.dataProperty().set(window(300, 0));
            return strip.fullDraws();
        });
        onFx(() -> {
            for (int tick = 1; tick <= 40; tick++) {
                sliding.dataProperty().set(window(300 + tick, 0));
            }
            fresh.dataProperty().set(window(340, 0));
            later.dataProperty().set(window(345, 0));
            return null;
        });
        assertThat(onFx(strip::fullDraws)).as("drawn once, then only appended to").isEqualTo(drawn);
        assertThat(onFx(strip::appends)).isEqualTo(40);
        assertThat(onFx(() -> strip.canvas().getTranslateX())).as("moved left one pixel per tick").isEqualTo(-40);

        WritableImage a = onFx(() -> sliding.snapshot(null, null));
        WritableImage b = onFx(() -> fresh.snapshot(null, null));
        WritableImage c = onFx(() -> later.snapshot(null, null));
        Snapshots.write(a, Path.of("target/screenshots/chart-sliding.png"));
        Snapshots.write(b, Path.of("target/screenshots/chart-fresh.png"));
        long pixels = (long) (a.getWidth() * a.getHeight());
        long differ = differing(a, b);
        // Where appended pieces meet, round caps overlap by an anti-aliasing step; nothing else may differ.
        assertThat(differ).as("pixels that differ from a fresh drawing of the same data").isLessThan(pixels / 200);
        assertThat(differing(b, c)).as("the comparison sees a 5-second shift").isGreaterThan(differ * 4 + pixels / 400);
    }

    @Test
    void aChangedOldSampleANewAxisOrAnotherRangeDrawsAnew() {
        TimeChart chart = new TimeChart();
        show(chart);
        ChartStrip strip = strip(chart);
        int drawn = onFx(() -> {
            chart.dataProperty().set(window(100, 0));
            chart.dataProperty().set(window(101, 0));
            return strip.fullDraws();
        });
        assertThat(onFx(strip::appends)).isEqualTo(1);
        onFx(() -> {
            chart.dataProperty().set(window(102, 7)); // every sample's value moved: not a continuation
            return null;
        });
        assertThat(onFx(strip::fullDraws)).isEqualTo(drawn + 1);
        onFx(() -> {
            ChartData d = window(103, 7);
            chart.dataProperty().set(new ChartData(d.fromMillis(), d.toMillis(), d.times(), d.lines(), 50)); // axis 0…50
            return null;
        });
        assertThat(onFx(strip::fullDraws)).isEqualTo(drawn + 2);
        onFx(() -> {
            ChartData d = window(104, 7);
            chart.dataProperty().set(new ChartData(d.toMillis() - 60_000, d.toMillis(), d.times(), d.lines(), 100));
            return null;
        });
        assertThat(onFx(strip::fullDraws)).as("another range").isEqualTo(drawn + 3);
        assertThat(onFx(strip::appends)).isEqualTo(1);
    }

    @Test
    void theStripIsDrawnAnewWhenItRunsOutOfRoom() {
        TimeChart chart = new TimeChart();
        show(chart);
        ChartStrip strip = strip(chart);
        int ticks = (int) ChartStrip.EXTRA + 10;
        int drawn = onFx(() -> {
            chart.dataProperty().set(window(700, 0));
            return strip.fullDraws();
        });
        onFx(() -> {
            for (int tick = 1; tick <= ticks; tick++) {
                chart.dataProperty().set(window(700 + tick, 0));
            }
            return null;
        });
        assertThat(onFx(strip::fullDraws)).as("once, when the newest time reached the canvas' end").isEqualTo(drawn + 1);
        assertThat(onFx(strip::appends)).isEqualTo(ticks - 1);
        assertThat(onFx(() -> strip.canvas().getTranslateX() + strip.canvas().getWidth()))
                .as("the newest sample stays inside the canvas").isGreaterThanOrEqualTo(600);
    }

    @Test
    void continuationFindsTheNewestDrawnSample() {
        ChartData was = window(700, 0);
        assertThat(ChartStrip.continuation(was, window(703, 0))).as("3 dropped, 3 added").isEqualTo(was.size() - 1 - 3);
        assertThat(ChartStrip.continuation(window(100, 0), window(103, 0))).as("3 added").isEqualTo(99);
        assertThat(ChartStrip.continuation(was, was)).isEqualTo(was.size() - 1);
        assertThat(ChartStrip.continuation(was, window(703, 1))).isEqualTo(-1);
        assertThat(ChartStrip.continuation(window(703, 0), was)).as("older data").isEqualTo(-1);
        assertThat(ChartStrip.continuation(null, was)).isEqualTo(-1);
        assertThat(ChartStrip.continuation(was, window(2000, 0))).as("nothing in common").isEqualTo(-1);
    }

    /** The last 10 minutes at second {@code now} of a VM whose CPU wobbles (and a vCPU with gaps), shifted by {@code offset}. */
    private static ChartData window(int now, int offset) {
        int n = Math.min(now, 600);
        long[] times = new long[n];
        float[] vm = new float[n];
        float[] vcpu = new float[n];
        for (int i = 0; i < n; i++) {
            int s = now - n + 1 + i;
            times[i] = T0 + 1_000L * s;
            vm[i] = 20 + offset + 15 * (float) Math.sin(s / 7.0) + (s % 5) * 3;
            vcpu[i] = s % 97 < 3 ? Float.NaN : 60 + 30 * (float) Math.cos(s / 11.0);
        }
        long to = T0 + 1_000L * now;
        return new ChartData(to - RANGE, to, times, List.of(new ChartData.Line("VM", vm), new ChartData.Line("vCPU 0", vcpu)), 100);
    }

    private void show(TimeChart... charts) {
        onFx(() -> {
            HBox row = new HBox();
            for (TimeChart c : charts) {
                c.setMinSize(WIDTH, 240);
                c.setPrefSize(WIDTH, 240);
                c.setMaxSize(WIDTH, 240);
                c.titleProperty().set("CPU");
                c.axisLabelProperty().set("% of its vCPUs");
                row.getChildren().add(c);
            }
            stage.setScene(new Scene(new Group(row)));
            stage.show();
            row.applyCss();
            row.layout();
            return null;
        });
    }

    private static ChartStrip strip(TimeChart chart) {
        return onFx(() -> ((TimeChartSkin) chart.getSkin()).strip());
    }

    /** Pixels where some channel differs by more than a quarter. */
    private static long differing(WritableImage a, WritableImage b) {
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                int p = pa.getArgb(x, y);
                int q = pb.getArgb(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)) > 64) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
