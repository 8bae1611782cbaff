package org.duovirt.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostCpuRatesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void countedBusyAndIdleTimeGiveEachCpusShare() {
        HostCpuSample a = new HostCpuSample(Instant.EPOCH, 0, List.of(new HostCpuSample.Cpu(0, 10 * S, 90 * S),
                new HostCpuSample.Cpu(1, 0, 100 * S)), List.of());
        HostCpuSample b = new HostCpuSample(Instant.EPOCH, 2 * S, List.of(new HostCpuSample.Cpu(0, 11 * S + S / 2, 90 * S + S / 2),
                new HostCpuSample.Cpu(1, S / 10, 100 * S + 19 * S / 10)), List.of());
        HostCpuRates r = HostCpuRates.between(a, b);
        assertThat(r.approximate()).isFalse();
        assertThat(r.percent().get(0)).isCloseTo(75.0, within(1e-9));
        assertThat(r.percent().get(1)).isCloseTo(5.0, within(1e-9));
        assertThat(r.totalPercent()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void withoutCountersTheVcpusPlacedOnACpuMakeItsLoad() {
        long u = VmCounters.UNKNOWN;
        List<HostCpuSample.Cpu> cpus = List.of(new HostCpuSample.Cpu(0, u, u), new HostCpuSample.Cpu(1, u, u),
                new HostCpuSample.Cpu(2, u, u));
        HostCpuSample a = new HostCpuSample(Instant.EPOCH, 0, cpus, List.of(new HostCpuSample.PlacedVcpu("web", 0, 1, 10 * S),
                new HostCpuSample.PlacedVcpu("web", 1, 2, 5 * S), new HostCpuSample.PlacedVcpu("Domain-0", 0, 2, 50 * S)));
        HostCpuSample b = new HostCpuSample(Instant.EPOCH, 2 * S, cpus, List.of(new HostCpuSample.PlacedVcpu("web", 0, 1, 11 * S + S / 2),
                new HostCpuSample.PlacedVcpu("web", 1, 2, 5 * S + S / 5), new HostCpuSample.PlacedVcpu("Domain-0", 0, 2, 50 * S + S / 5)));
        HostCpuRates r = HostCpuRates.between(a, b);
        assertThat(r.approximate()).isTrue();
        assertThat(r.percent().get(0)).isZero();
        assertThat(r.percent().get(1)).isCloseTo(75.0, within(1e-9));
        assertThat(r.percent().get(2)).isCloseTo(20.0, within(1e-9));
        assertThat(r.placement().get(2)).containsExactly("web/1", "Domain-0/0");
    }
}
