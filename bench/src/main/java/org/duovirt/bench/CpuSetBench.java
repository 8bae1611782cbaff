package org.duovirt.bench;

import java.util.concurrent.TimeUnit;
import org.duovirt.core.cpu.CpuSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CPU lists are parsed for every vCPU of every VM when pinning is read (xl vcpu-list, the pinning grid). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CpuSetBench {
    private final CpuSet wide = CpuSet.parse("0-63,128-191,^7,^130");

    @Benchmark
    public CpuSet parseTypicalXlMask() {
        return CpuSet.parse("0-15,32-47,^3");
    }

    @Benchmark
    public String formatWideMask() {
        return wide.toString();
    }

    @Benchmark
    public byte[] packLibvirtBitmap() {
        return wide.toBitmap(256);
    }
}
