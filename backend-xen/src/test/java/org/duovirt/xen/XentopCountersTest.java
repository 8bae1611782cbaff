package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.core.stats.VmRates;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XentopParser;
import org.junit.jupiter.api.Test;

class XentopCountersTest {
    private final List<List<XentopDomain>> iterations = XentopParser.parseAll(Golden.read("golden/xentop-b-v-n-x-f.txt"));

    private StatsSample sample(int iteration, long nanos, EnumSet<StatsGroup> groups, List<String> vms) {
        return XentopCounters.sample(new XentopStream.Snapshot(Instant.EPOCH, nanos, iterations.get(iteration)), groups, vms);
    }

    @Test
    void convertsXentopUnitsAndLeavesDomain0Out() {
        StatsSample s = sample(0, 0, EnumSet.allOf(StatsGroup.class), List.of());
        assertThat(s.vms()).extracting(VmCounters::name).containsExactly("web server", "wide6");
        VmCounters web = s.vm("web server").orElseThrow();
        assertThat(web.state()).isEqualTo(VmState.RUNNING);
        assertThat(web.cpuTimeNs()).isEqualTo(4_000_000_000L);
        assertThat(web.vcpuTimeNs()).containsExactly(3_000_000_000L, 1_000_000_000L);
        assertThat(web.memoryCurrentKiB()).isEqualTo(131072);
        assertThat(web.blockReadBytes()).isEqualTo(1024L * 512);
        assertThat(web.blockWriteBytes()).isEqualTo(56L * 512);
        assertThat(web.blockReadRequests()).isEqualTo(35);
        assertThat(web.netRxBytes()).isEqualTo(2048);
        assertThat(web.netTxPackets()).isEqualTo(12);
        VmCounters wide = s.vm("wide6").orElseThrow();
        assertThat(wide.state()).isEqualTo(VmState.PAUSED);
        assertThat(wide.vcpuTimeNs(3)).isEqualTo(VmCounters.UNKNOWN);
    }

    @Test
    void groupsNotAskedForStayUnknownAndVmsFilter() {
        StatsSample s = sample(0, 0, EnumSet.of(StatsGroup.CPU), List.of("wide6"));
        assertThat(s.vms()).singleElement().satisfies(v -> {
            assertThat(v.cpuTimeNs()).isEqualTo(12_000_000_000L);
            assertThat(v.memoryCurrentKiB()).isEqualTo(VmCounters.UNKNOWN);
            assertThat(v.netRxBytes()).isEqualTo(VmCounters.UNKNOWN);
            assertThat(v.vcpuCount()).isZero();
        });
    }

    @Test
    void twoIterationsGiveRates() {
        StatsSample first = sample(0, 0, EnumSet.allOf(StatsGroup.class), List.of());
        StatsSample second = sample(1, 1_000_000_000L, EnumSet.allOf(StatsGroup.class), List.of());
        VmRates web = RateCalculator.rates(first, second).get(0);
        assertThat(web.cpuPercent()).isEqualTo(100.0);
        assertThat(web.netRxBps()).isEqualTo(1000.0);
        assertThat(web.diskReadBps()).isEqualTo(8 * 512.0);
    }
}
