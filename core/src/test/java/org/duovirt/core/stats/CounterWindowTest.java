package org.duovirt.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.Test;

class CounterWindowTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long TENTH = SECOND / 10;

    /** A vCPU at 37 % whose counter is printed in tenths of seconds, like xl vcpu-list. */
    private static StatsSample tenths(int second, long resolution) {
        long exactNs = (long) (0.37 * second * SECOND);
        long printed = exactNs / TENTH * TENTH;
        VmCounters c = VmCounters.builder("g", null, VmState.RUNNING).cpuTimeNs(exactNs)
                .vcpuTimeNs(new long[] {printed}).build();
        return new StatsSample(Instant.EPOCH, second * SECOND, List.of(c), resolution);
    }

    @Test
    void nanosecondCountersGiveRatesOfTheLastTick() {
        CounterWindow w = new CounterWindow();
        w.add(tenths(0, 1));
        VmRates r = w.add(tenths(1, 1)).get(0);
        assertThat(r.vcpuWindowSeconds()).isZero();
        assertThat(r.cpuPercent()).isCloseTo(37.0, within(1e-6));
    }

    @Test
    void coarseVcpuCountersAreAveragedOverAWindowThatKeepsTheErrorUnderFourPercent() {
        CounterWindow w = new CounterWindow();
        double worst = 0;
        for (int s = 0; s < 30; s++) {
            List<VmRates> rates = w.add(tenths(s, TENTH));
            if (s >= 3) {
                VmRates r = rates.get(0);
                assertThat(r.vcpuWindowSeconds()).isEqualTo(3.0);
                assertThat(r.cpuPercent()).isCloseTo(37.0, within(1e-6));
                worst = Math.max(worst, Math.abs(r.vcpuPercent(0) - 37.0));
            }
        }
        assertThat(worst).isLessThan(CounterWindow.MAX_VCPU_ERROR * 100);
        // Per tick, the same counter would be off by up to 10 points.
        assertThat(Math.abs(RateCalculator.rates(tenths(3, TENTH), tenths(4, TENTH)).get(0).vcpuPercent(0) - 37.0))
                .isGreaterThan(5.0);
    }
}
