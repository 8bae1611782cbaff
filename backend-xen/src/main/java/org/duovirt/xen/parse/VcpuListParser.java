package org.duovirt.xen.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;

/**
 * Reads {@code xl vcpu-list <dom>}: {@code Name ID VCPU CPU State Time(s) Affinity (Hard / Soft)}, e.g.
 * {@code domU  1  0  3  r--  11.4  3 / 2-3}. Masks are {@code all}, {@code none} or ranges; an offline
 * vCPU has CPU {@code -} and state {@code --p}.
 */
public final class VcpuListParser {
    private static final Pattern ROW = Pattern.compile(
            "^(.+?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+|-)\\s+([-rbp]{3})\\s+(\\d+(?:\\.\\d+)?)\\s+(\\S+)\\s*/\\s*(\\S+)\\s*$");

    private VcpuListParser() {
    }

    /**
     * @param hostCpus what {@code all} stands for: every CPU of the host
     */
    public static VcpuPinning parse(String text, CpuSet hostCpus) {
        List<VcpuAffinity> vcpus = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line.stripTrailing());
            if (!m.matches()) {
                continue;
            }
            int cpu = m.group(4).equals("-") ? -1 : Integer.parseInt(m.group(4));
            vcpus.add(new VcpuAffinity(Integer.parseInt(m.group(3)), mask(m.group(7), hostCpus), mask(m.group(8), hostCpus), cpu));
        }
        return new VcpuPinning(vcpus, null);
    }

    /** The rows of one domain (by its id) of an {@code xl vcpu-list} that may list several. */
    public static VcpuPinning parse(String text, CpuSet hostCpus, int domid) {
        StringBuilder mine = new StringBuilder();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line.stripTrailing());
            if (m.matches() && Integer.parseInt(m.group(2)) == domid) {
                mine.append(line).append('\n');
            }
        }
        return parse(mine.toString(), hostCpus);
    }

    /** One row of {@code xl vcpu-list}: where a vCPU runs now and its CPU time (tenths of seconds). */
    public record VcpuRow(String domain, int domid, int vcpu, int cpu, String state, long timeNs) {
    }

    /** Every row of an {@code xl vcpu-list} of all domains (Domain-0 included). */
    public static List<VcpuRow> rows(String text) {
        List<VcpuRow> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = ROW.matcher(line.stripTrailing());
            if (m.matches()) {
                out.add(new VcpuRow(m.group(1).strip(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4).equals("-") ? -1 : Integer.parseInt(m.group(4)), m.group(5),
                        new java.math.BigDecimal(m.group(6)).movePointRight(9).longValue()));
            }
        }
        return out;
    }

    /** Per domain, the CPU time of each vCPU in nanoseconds (a step of 100 ms); -1 for a vCPU not listed. */
    public static java.util.Map<String, long[]> times(List<VcpuRow> rows) {
        java.util.Map<String, long[]> out = new java.util.HashMap<>();
        for (VcpuRow r : rows) {
            long[] t = out.getOrDefault(r.domain(), new long[0]);
            if (t.length <= r.vcpu()) {
                long[] grown = java.util.Arrays.copyOf(t, r.vcpu() + 1);
                java.util.Arrays.fill(grown, t.length, grown.length, -1);
                t = grown;
            }
            t[r.vcpu()] = r.timeNs();
            out.put(r.domain(), t);
        }
        return out;
    }

    /** One mask as xl prints it. */
    public static CpuSet mask(String text, CpuSet hostCpus) {
        return switch (text) {
            case "all" -> hostCpus;
            case "none" -> CpuSet.empty();
            default -> CpuSet.parse(text);
        };
    }
}
