package org.duovirt.core.stats.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.junit.jupiter.api.Test;

class VmHistoryTest {
    private static final SeriesKey CPU = SeriesKey.total(Metric.CPU);
    private static final SeriesKey VCPU1 = new SeriesKey(Metric.VCPU, "1");
    private static final long T0 = 1_780_000_000_000L; // 2026-05-28, a multiple of 10 s
    private final VmHistory small = new VmHistory(List.of(new Tier(0, 5), new Tier(10_000, 4)));

    private static Map<SeriesKey, Double> cpu(double v) {
        return Map.of(CPU, v);
    }

    @Test
    void rawTierKeepsEachSampleWithItsOwnTimestamp() {
        small.add(T0 + 250, cpu(10));
        small.add(T0 + 1_300, cpu(20));
        HistoryWindow w = small.window(0, T0, T0 + 2_000);
        assertThat(w.times()).containsExactly(T0 + 250, T0 + 1_300);
        assertThat(w.series(CPU)).containsExactly(10f, 20f);
    }

    @Test
    void rawTierWrapsAroundKeepingTheNewest() {
        for (int i = 0; i < 12; i++) {
            small.add(T0 + i * 1000L, cpu(i));
        }
        HistoryWindow w = small.latest(100);
        assertThat(w.size()).isEqualTo(5);
        assertThat(w.series(CPU)).containsExactly(7f, 8f, 9f, 10f, 11f);
        assertThat(w.time(0)).isEqualTo(T0 + 7000);
        assertThat(small.window(0, T0, T0 + 8_000).series(CPU)).containsExactly(7f, 8f);
    }

    @Test
    void coarseTierAveragesEachAlignedBucketAndShowsTheOneBeingFilled() {
        small.add(T0 + 1_000, cpu(10));
        small.add(T0 + 9_000, cpu(30));
        small.add(T0 + 11_000, cpu(50));
        HistoryWindow w = small.window(1, T0, T0 + 20_000);
        assertThat(w.times()).containsExactly(T0, T0 + 10_000);
        assertThat(w.series(CPU)).containsExactly(20f, 50f);
    }

    @Test
    void coarseTierWrapsAroundAndForgetsBucketsOlderThanItsSpan() {
        for (int b = 0; b < 7; b++) {
            small.add(T0 + b * 10_000L, cpu(b));
        }
        HistoryWindow w = small.window(1, T0 - 100_000, T0 + 100_000);
        assertThat(w.times()).containsExactly(T0 + 30_000, T0 + 40_000, T0 + 50_000, T0 + 60_000);
        assertThat(w.series(CPU)).containsExactly(3f, 4f, 5f, 6f);
    }

    @Test
    void aStoppedVmLeavesOneGapSampleAndEmptyBuckets() {
        small.add(T0, cpu(40));
        small.gap(T0 + 1_000);
        small.gap(T0 + 2_000); // repeated gaps add nothing
        small.add(T0 + 35_000, cpu(60)); // started again three buckets later
        HistoryWindow raw = small.window(0, T0, T0 + 40_000);
        assertThat(raw.times()).containsExactly(T0, T0 + 1_000, T0 + 35_000);
        assertThat(raw.series(CPU)).containsExactly(40f, Float.NaN, 60f);
        HistoryWindow coarse = small.window(1, T0, T0 + 40_000);
        assertThat(coarse.series(CPU)).containsExactly(40f, Float.NaN, Float.NaN, 60f);
    }

    @Test
    void aSeriesFirstSeenAfterARestartIsUnknownBeforeIt() {
        small.add(T0, cpu(10));
        Map<SeriesKey, Double> more = new LinkedHashMap<>();
        more.put(CPU, 20.0);
        more.put(VCPU1, 99.0);
        small.add(T0 + 1_000, more);
        HistoryWindow w = small.window(0, T0, T0 + 1_000);
        assertThat(w.keys()).containsExactly(CPU, VCPU1);
        assertThat(w.series(VCPU1)).containsExactly(Float.NaN, 99f);
        assertThat(w.series(new SeriesKey(Metric.VCPU, "7"))).containsExactly(Float.NaN, Float.NaN);
    }

    @Test
    void timestampsStayExactAcrossAMonthOfSamples() {
        VmHistory h = new VmHistory(HistoryTiers.STANDARD);
        long t = T0;
        for (int i = 0; i < 3000; i++) {
            t += 1_000_000; // 1000 s apart: 35 days in all, past an int of milliseconds
            h.add(t, cpu(i));
        }
        HistoryWindow w = h.latest(2);
        assertThat(w.times()).containsExactly(t - 1_000_000, t);
        assertThat(w.series(CPU)).containsExactly(2998f, 2999f);
    }

    @Test
    void standardRangesReadTheirTier() {
        VmHistory h = new VmHistory(HistoryTiers.STANDARD);
        for (int s = 0; s <= 3600; s++) {
            h.add(T0 + s * 1000L, cpu(s % 2 == 0 ? 0 : 100));
        }
        long now = T0 + 3_600_000;
        assertThat(h.window(HistoryRange.MINUTE, now).size()).isEqualTo(61);
        assertThat(h.window(HistoryRange.TEN_MINUTES, now).size()).isEqualTo(600);
        HistoryWindow hour = h.window(HistoryRange.HOUR, now);
        assertThat(hour.size()).isEqualTo(120);
        assertThat(hour.value(0, 5)).isEqualTo(50f);
        assertThat(h.window(HistoryRange.DAY, now).size()).isEqualTo(13);
    }

    @Test
    void aSubsetCopiesOnlyTheSeriesAskedForWithTheirOwnValues() {
        Map<SeriesKey, Double> both = new LinkedHashMap<>();
        both.put(CPU, 10.0);
        both.put(VCPU1, 70.0);
        small.add(T0, both);
        HistoryWindow w = small.latest(5, java.util.Set.of(VCPU1, new SeriesKey(Metric.VCPU, "9")));
        assertThat(w.keys()).containsExactly(VCPU1);
        assertThat(w.series(VCPU1)).containsExactly(70f);
    }

    @Test
    void theFirstTierMustBeRaw() {
        assertThatThrownBy(() -> new VmHistory(List.of(new Tier(1000, 4))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
