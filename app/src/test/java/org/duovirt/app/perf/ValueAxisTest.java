package org.duovirt.app.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value axis of the Performance tab's charts: an idle chart reads 0 and a sane scale, labels are round and distinct. */
class ValueAxisTest {

    private static List<String> labels(PerfChart chart, float... values) {
        ChartData d = new ChartData(0, 60_000, new long[values.length],
                List.of(new ChartData.Line("Read", values)), chart.fixedMax(), chart.scale());
        TimeChart c = new TimeChart();
        c.valueFormatProperty().set(chart.format());
        c.dataProperty().set(d);
        return c.axisLabels();
    }

    @Test
    void anIdleDiskReadsZeroToFourKibPerSecondNotOneBytePerSecondFiveTimes() {
        assertThat(labels(PerfChart.DISK_BYTES, 0, 0, 0))
                .containsExactly("0 B/s", "1.0 KiB/s", "2.0 KiB/s", "3.0 KiB/s", "4.0 KiB/s");
        assertThat(labels(PerfChart.NET_BYTES)).first().isEqualTo("0 B/s");
        assertThat(labels(PerfChart.DISK_REQUESTS, 0, Float.NaN, 0))
                .containsExactly("0 req/s", "1 req/s", "2 req/s", "3 req/s", "4 req/s");
    }

    @Test
    void byteRatesStepInTheIecUnitOfTheTop() {
        assertThat(labels(PerfChart.DISK_BYTES, 900)).containsExactly("0 B/s", "250 B/s", "500 B/s", "750 B/s", "1000 B/s");
        // 1020 B/s would round to a 1500 B/s top, printed "1.5 KiB/s": the axis steps in KiB instead
        assertThat(labels(PerfChart.DISK_BYTES, 1020)).containsExactly("0 B/s", "512 B/s", "1.0 KiB/s");
        assertThat(labels(PerfChart.NET_BYTES, 58_700))
                .containsExactly("0 B/s", "20.0 KiB/s", "40.0 KiB/s", "60.0 KiB/s");
        assertThat(labels(PerfChart.NET_BYTES, 3.3e6f)).containsExactly("0 B/s", "1.0 MiB/s", "2.0 MiB/s", "3.0 MiB/s", "4.0 MiB/s");
    }

    @Test
    void countsPrintWholeStepsWithoutADecimal() {
        assertThat(labels(PerfChart.DISK_REQUESTS, 140_000)).containsExactly("0 req/s", "50000 req/s", "100000 req/s", "150000 req/s");
        assertThat(labels(PerfChart.NET_PACKETS, 9)).containsExactly("0 pkt/s", "2.5 pkt/s", "5 pkt/s", "7.5 pkt/s", "10 pkt/s");
        assertThat(labels(PerfChart.NET_PACKETS, 0.25f)).containsExactly("0 pkt/s", "0.1 pkt/s", "0.2 pkt/s", "0.3 pkt/s");
    }

    @Test
    void memoryStepsInGibAboveOneGib() {
        assertThat(labels(PerfChart.MEMORY, 8800)).containsExactly("0 MiB", "2.5 GiB", "5 GiB", "7.5 GiB", "10 GiB");
        assertThat(labels(PerfChart.MEMORY, 300)).containsExactly("0 MiB", "100 MiB", "200 MiB", "300 MiB");
    }

    @Test
    void cpuKeepsItsFixedHundredPercent() {
        assertThat(labels(PerfChart.CPU, 3)).containsExactly("0.0 %", "25.0 %", "50.0 %", "75.0 %", "100.0 %");
    }

    @Test
    void everyAxisHoldsItsMaximumInAtMostFourDistinctRoundSteps() {
        for (PerfChart chart : List.of(PerfChart.DISK_BYTES, PerfChart.DISK_REQUESTS, PerfChart.MEMORY)) {
            for (double max = 0.05; max < 1e12; max *= 1.37) {
                ValueAxis axis = ValueAxis.fit(max, chart.scale());
                assertThat(axis.top()).as("%s max %f", chart, max).isGreaterThanOrEqualTo(max);
                assertThat(axis.steps()).as("%s max %f", chart, max).isBetween(1, 4);
                List<String> labels = labels(chart, (float) max);
                assertThat(new HashSet<>(labels)).as("%s max %f: %s", chart, max, labels).hasSameSizeAs(labels);
            }
        }
    }
}
