package org.duovirt.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.history.HistoryRange;
import org.duovirt.core.stats.history.HistoryStore;
import org.duovirt.core.stats.history.HistoryWindow;
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

/** Cost of recording one host tick into the history, and of reading what one chart or sparkline draws. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HistoryBench {
    @Param({"100", "1000"})
    int vms;

    private HistoryStore store;
    private List<VmRates> tick;
    private long time = 1_780_000_000_000L;

    @Setup
    public void fill() {
        store = new HistoryStore();
        tick = HistoryFixture.tick(vms, 1);
        for (int i = 0; i < 700; i++) {
            store.record(time += 1000, tick, vm -> 2);
        }
    }

    @Benchmark
    public HistoryStore recordOneTick() {
        store.record(time += 1000, tick, vm -> 2);
        return store;
    }

    @Benchmark
    public HistoryWindow readTenMinutesOfOneVm() {
        return store.vm("vm-0").window(HistoryRange.TEN_MINUTES, time);
    }

    @Benchmark
    public HistoryWindow readOneSparkline() {
        return store.vm("vm-0").latest(60);
    }
}
