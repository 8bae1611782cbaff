package org.duovirt.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.Test;

class RateCalculatorTest {
    private static final long SECOND = 1_000_000_000L;

    private static VmCounters vm(String name, long cpuNs, long[] vcpus, long rd, long wr, long rx, long tx) {
        return VmCounters.builder(name, null, VmState.RUNNING).cpuTimeNs(cpuNs).vcpuTimeNs(vcpus)
                .memory(524288, 500000, 200 * 1024).block(rd, wr, 0, 0).net(rx, tx, 0, 0).build();
    }

    private static StatsSample at(long nanos, VmCounters... vms) {
        return new StatsSample(Instant.EPOCH, nanos, List.of(vms));
    }

    @Test
    void cpuPercentIsRelativeToOnePhysicalCpuAndMayExceedHundred() {
        StatsSample a = at(0, vm("a", 0, new long[] {0, 0}, 0, 0, 0, 0));
        // Two vCPUs fully busy for 2 s: 4 s of CPU time in 2 s of wall time.
        StatsSample b = at(2 * SECOND, vm("a", 4 * SECOND, new long[] {2 * SECOND, 2 * SECOND}, 0, 0, 0, 0));
        VmRates r = RateCalculator.rates(a, b).get(0);
        assertThat(r.cpuPercent()).isCloseTo(200.0, within(1e-9));
        assertThat(r.vcpuPercent()).containsExactly(100.0, 100.0);
    }

    @Test
    void byteRatesArePerSecond() {
        StatsSample a = at(0, vm("a", 0, null, 1000, 2000, 3000, 4000));
        StatsSample b = at(SECOND / 2, vm("a", SECOND / 4, null, 2000, 2000, 3500, 4100));
        VmRates r = RateCalculator.rates(a, b).get(0);
        assertThat(r.cpuPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(r.diskReadBps()).isEqualTo(2000.0);
        assertThat(r.diskWriteBps()).isEqualTo(0.0);
        assertThat(r.netRxBps()).isEqualTo(1000.0);
        assertThat(r.netTxBps()).isEqualTo(200.0);
        assertThat(r.memoryUsedMiB()).isEqualTo(200);
    }

    @Test
    void firstSampleAndRestartedVmGiveNoRateInsteadOfNonsense() {
        StatsSample first = at(0, vm("a", 10 * SECOND, new long[] {10 * SECOND}, 50, 50, 50, 50));
        assertThat(RateCalculator.rates(null, first).get(0).cpuPercent()).isNaN();
        StatsSample restarted = at(SECOND, vm("a", SECOND / 10, new long[] {SECOND / 10}, 0, 0, 0, 0));
        VmRates r = RateCalculator.rates(first, restarted).get(0);
        assertThat(r.cpuPercent()).isNaN();
        assertThat(r.vcpuPercent()[0]).isNaN();
        assertThat(r.diskReadBps()).isNaN();
    }

    @Test
    void unknownCountersStayUnknownAndNewVmsGetNaN() {
        VmCounters unknown = VmCounters.builder("u", null, VmState.RUNNING).build();
        StatsSample a = at(0, unknown);
        StatsSample b = at(SECOND, unknown, vm("new", SECOND, null, 0, 0, 0, 0));
        List<VmRates> rates = RateCalculator.rates(a, b);
        assertThat(rates.get(0).cpuPercent()).isNaN();
        assertThat(rates.get(0).memoryUsedMiB()).isEqualTo(-1);
        assertThat(rates.get(1).name()).isEqualTo("new");
        assertThat(rates.get(1).cpuPercent()).isNaN();
    }

    @Test
    void memoryFallsBackToBalloonCurrentWhenGuestDoesNotReportUsage() {
        VmCounters c = VmCounters.builder("m", null, VmState.RUNNING).memory(262144, VmCounters.UNKNOWN, VmCounters.UNKNOWN).build();
        assertThat(RateCalculator.rates(null, c, 0).memoryUsedMiB()).isEqualTo(256);
    }
}
