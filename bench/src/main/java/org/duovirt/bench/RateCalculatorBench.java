package org.duovirt.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.RateCalculator;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.core.stats.VmRates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Cost of turning one host's bulk sample into rates, per tick, for hundreds of VMs with 4 vCPUs each. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RateCalculatorBench {
    @Param({"100", "500", "2000"})
    int vms;

    private StatsSample previous;
    private StatsSample current;

    @Setup
    public void samples() {
        previous = sample(0, 0);
        current = sample(2_000_000_000L, 1);
    }

    private StatsSample sample(long nanos, long step) {
        List<VmCounters> list = new ArrayList<>(vms);
        for (int i = 0; i < vms; i++) {
            long base = i * 1_000_000L + step * 500_000_000L;
            list.add(VmCounters.builder("vm-" + i, null, VmState.RUNNING).cpuTimeNs(base)
                    .vcpuTimeNs(new long[] {base / 4, base / 4, base / 4, base / 4})
                    .memory(1 << 20, 1 << 20, 1 << 19).block(base, base, i, i).net(base, base, i, i).build());
        }
        return new StatsSample(Instant.EPOCH, nanos, list);
    }

    @Benchmark
    public List<VmRates> ratesForOneTick() {
        return RateCalculator.rates(previous, current);
    }
}
