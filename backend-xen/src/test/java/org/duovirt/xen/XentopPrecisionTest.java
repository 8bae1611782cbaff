package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.duovirt.core.stats.CounterWindow;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmRates;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XentopParser;
import org.junit.jupiter.api.Test;

/**
 * Real xentop output of a 2-vCPU guest (the stats guest of testing/guest/build-stats, duty=30, on the Xen
 * test host under load): its CPU(sec) column steps by whole seconds, its CPU(%) column shows the fraction.
 */
class XentopPrecisionTest {
    private static final long S = 1_000_000_000L;
    private final List<List<XentopDomain>> iterations =
            XentopParser.parseAll(Golden.read("xl-output/xentop-fractional-load.txt"));
    /** Reads arrive unevenly (SSH, a busy dom0): the counter must not care. */
    private static final double[] GAPS = {1.0, 0.8, 1.3, 1.0, 0.9, 1.2, 1.0, 1.1, 0.7, 1.0, 1.0, 1.0};

    private static XentopDomain guest(List<XentopDomain> iteration) {
        return iteration.stream().filter(d -> d.name().equals("stats-frac")).findFirst().orElseThrow();
    }

    @Test
    void cpuRatesFollowXentopsNanosecondPercentageNotItsWholeSeconds() {
        assertThat(iterations).hasSizeGreaterThanOrEqualTo(10);
        XentopCpuClock clock = new XentopCpuClock();
        long now = 0;
        StatsSample previous = null;
        int checked = 0;
        for (int i = 0; i < iterations.size(); i++) {
            now += (long) (GAPS[i % GAPS.length] * S);
            Map<String, Long> cpu = clock.advance(iterations.get(i), now);
            StatsSample sample = XentopCounters.sample(new XentopStream.Snapshot(Instant.EPOCH, now, iterations.get(i), cpu),
                    EnumSet.of(StatsGroup.CPU), List.of());
            if (previous != null) {
                VmRates r = RateCalculator.rates(previous, sample).stream().filter(x -> x.name().equals("stats-frac")).findFirst().orElseThrow();
                double xentop = guest(iterations.get(i)).cpuPercent();
                assertThat(xentop).as("a fractional load").isBetween(40.0, 95.0);
                assertThat(r.cpuPercent()).as("iteration %d", i).isCloseTo(xentop, within(1.0));
                checked++;
            }
            previous = sample;
        }
        assertThat(checked).isEqualTo(iterations.size() - 1);
    }

    @Test
    void theWholeSecondsColumnAloneGivesOnlyZeroOrMultiplesOfAHundred() {
        for (int i = 1; i < iterations.size(); i++) {
            long before = guest(iterations.get(i - 1)).cpuSeconds();
            long after = guest(iterations.get(i)).cpuSeconds();
            double percent = (after - before) * 100.0;
            assertThat(percent % 100).isZero();
        }
    }

    @Test
    void vcpuListGivesTenthsOfSecondsPerVcpuAndTheBusyOneStandsOut() {
        List<VcpuListParser.VcpuRow> rows = VcpuListParser.rows(Golden.read("xl-output/xl-vcpu-list-fractional-load.txt"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(20).allMatch(r -> r.domain().equals("stats-frac"));
        assertThat(rows.get(0).timeNs()).isEqualTo(135_100_000_000L);
        // Split into the successive listings (two rows each) and compare the first with the last.
        Map<String, long[]> first = VcpuListParser.times(rows.subList(0, 2));
        Map<String, long[]> last = VcpuListParser.times(rows.subList(rows.size() - 2, rows.size()));
        long busy = last.get("stats-frac")[0] - first.get("stats-frac")[0];
        long idle = last.get("stats-frac")[1] - first.get("stats-frac")[1];
        assertThat(busy).isGreaterThan(10 * idle);
        assertThat(idle % (S / 10)).as("tenths of seconds").isZero();
    }

    @Test
    void coarseVcpuCountersAreMarkedSoTheRatesAreAveraged() {
        XentopStream.Snapshot snapshot = new XentopStream.Snapshot(Instant.EPOCH, 0, iterations.get(1));
        StatsSample s = XentopCounters.sample(snapshot, EnumSet.of(StatsGroup.VCPU), List.of(),
                Map.of("stats-frac", new long[] {135_100_000_000L, 65_100_000_000L}));
        assertThat(s.vcpuResolutionNs()).isEqualTo(S / 10);
        assertThat(s.vm("stats-frac").orElseThrow().vcpuTimeNs()).containsExactly(135_100_000_000L, 65_100_000_000L);
        assertThat(CounterWindow.MAX_VCPU_ERROR).isLessThan(0.1);
    }
}
