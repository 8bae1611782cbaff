package org.duovirt.core.stats.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.stats.IoRates;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.VmRates;
import org.junit.jupiter.api.Test;

class HistoryStoreTest {
    private static VmRates rates(String name, double cpuOfOneHostCpu, double... vcpus) {
        return new VmRates(name, cpuOfOneHostCpu, vcpus, 256, 1000, 2000, 30, 40, 1, 2, 3, 4, 512, 300,
                List.of(new IoRates("vda", 600, 1200, 0.5, 1), new IoRates("vdb", 400, 800, 0.5, 1)),
                List.of(new IoRates("vnet0", 30, 40, 3, 4)), 0);
    }

    @Test
    void keepsEachVmsSeriesApartAndGapsVmsMissingFromATick() {
        HistoryStore store = new HistoryStore();
        store.record(1_000, List.of(rates("a", 100, 100, 0), rates("b", 50, 50)), vm -> vm.equals("a") ? 2 : 1);
        store.record(2_000, List.of(rates("b", 50, 50)), vm -> 1);
        store.record(3_000, List.of(rates("a", 200, 100, 100), rates("b", 50, 50)), vm -> 2);

        HistoryWindow a = store.vm("a").window(0, 0, 10_000);
        assertThat(a.series(SeriesKey.total(Metric.CPU))).containsExactly(50f, Float.NaN, 100f);
        assertThat(a.series(new SeriesKey(Metric.VCPU, "1"))).containsExactly(0f, Float.NaN, 100f);
        assertThat(a.series(new SeriesKey(Metric.DISK_READ, "vdb"))).containsExactly(400f, Float.NaN, 400f);
        assertThat(a.series(SeriesKey.total(Metric.DISK_WRITE))).containsExactly(2000f, Float.NaN, 2000f);
        // One NIC: its total is the device, no separate series.
        assertThat(a.keys()).doesNotContain(new SeriesKey(Metric.NET_RX, "vnet0"));
        assertThat(a.series(SeriesKey.total(Metric.NET_TX_PACKETS))).containsExactly(4f, Float.NaN, 4f);
        assertThat(store.vm("b").window(0, 0, 10_000).size()).isEqualTo(3);
        assertThat(store.names()).containsExactlyInAnyOrder("a", "b");
    }
}
