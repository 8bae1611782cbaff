package org.duovirt.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.stats.HostCpuRates;
import org.duovirt.core.stats.SeriesKey;
import org.junit.jupiter.api.Test;

/** What one host tick puts into the host's history: total, per node, per CPU, memory. */
class HostLoadTest {
    private static final CpuTopology TWO_NODES = new CpuTopology(1, 2, 1,
            List.of(new NumaCell(0, CpuSet.of(0), 1024, 0), new NumaCell(1, CpuSet.of(1, 2), 1024, 0)),
            List.of(new PhysicalCpu(0, 0, 0, 0, CpuSet.of(0), true), new PhysicalCpu(1, 0, 1, 1, CpuSet.of(1), true),
                    new PhysicalCpu(2, 0, 2, 1, CpuSet.of(2), true)));

    @Test
    void aTickRecordsTheTotalEachNodesMeanEachCpuAndTheMemoryInUse() {
        HostCpuRates rates = new HostCpuRates(Map.of(0, 90.0, 1, 10.0, 2, Double.NaN), 50.0, Map.of(), false);
        Map<SeriesKey, Double> v = HostLoad.values(new HostLoadSnapshot(1, Instant.EPOCH, TWO_NODES, rates,
                4 * 1024 * 1024, 1024 * 1024));
        assertThat(v.get(HostLoad.TOTAL)).isEqualTo(50.0);
        assertThat(v.get(HostLoad.node(0))).isEqualTo(90.0);
        assertThat(v.get(HostLoad.node(1))).as("a CPU without a figure is left out of its node's mean").isEqualTo(10.0);
        assertThat(v.get(HostLoad.cpu(1))).isEqualTo(10.0);
        assertThat(v.get(HostLoad.MEMORY_USED)).isEqualTo(3072.0);
        assertThat(v.get(HostLoad.MEMORY_TOTAL)).isEqualTo(4096.0);
    }

    @Test
    void unknownFreeMemoryAndNoPerCpuFiguresAreGapsNotZeros() {
        Map<SeriesKey, Double> v = HostLoad.values(new HostLoadSnapshot(1, Instant.EPOCH, TWO_NODES, null, 4096, 0));
        assertThat(v.get(HostLoad.MEMORY_USED)).isNaN();
        assertThat(v.get(HostLoad.TOTAL)).isNaN();
        assertThat(v).doesNotContainKey(HostLoad.cpu(0));
    }
}
