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

    /** One mask as xl prints it. */
    public static CpuSet mask(String text, CpuSet hostCpus) {
        return switch (text) {
            case "all" -> hostCpus;
            case "none" -> CpuSet.empty();
            default -> CpuSet.parse(text);
        };
    }
}
