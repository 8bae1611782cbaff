package org.duovirt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XentopParser;
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

/**
 * One second of a Xen host's statistics: parsing one iteration of the long-lived {@code xentop -b -v -n -x -f}
 * stream (a domain line, a vCPU line and a VBD line per domain, as captured from the real Xen 4.17 host).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class XentopParserBench {
    private static final String HEADER = "      NAME  STATE   CPU(sec) CPU(%)     MEM(k) MEM(%)  MAXMEM(k) MAXMEM(%) VCPUS NETS"
            + " NETTX(k) NETRX(k) VBDS   VBD_OO   VBD_RD   VBD_WR  VBD_RSECT  VBD_WSECT SSID";

    @Param({"100", "500"})
    int domains;

    private List<String> lines;

    @Setup
    public void iteration() {
        lines = new ArrayList<>();
        lines.add(HEADER);
        for (int i = 0; i < domains; i++) {
            lines.add(String.format("  guest-%04d --b---        136    2.4      98304    3.1      99328       3.2     2    0"
                    + "        0        0    1        0       12       34        96        272    0", i));
            lines.add("VCPUs(sec):   0:         81s  1:         55s");
            lines.add("VBD BlkBack 51712 [ca: 0]  OO:        0   RD:       12   WR:       34   RSECT:         96   WSECT:        272");
        }
        lines.add(HEADER);
    }

    @Benchmark
    public List<XentopDomain> parseOneIteration() {
        XentopParser parser = new XentopParser();
        List<XentopDomain> done = null;
        for (String line : lines) {
            List<XentopDomain> completed = parser.feed(line);
            if (completed != null) {
                done = completed;
            }
        }
        if (done == null || done.size() != domains) {
            throw new IllegalStateException("parsed " + (done == null ? 0 : done.size()) + " of " + domains + " domains");
        }
        return done;
    }
}
