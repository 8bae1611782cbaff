package org.duovirt.xen.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the batch output of {@code xentop -b -d 1 -v -n -x -f} line by line. Each iteration starts
 * with the header ({@code NAME STATE CPU(sec) …}); after each domain line come its {@code VCPUs(sec):}
 * line(s) (wrapped every 5 vCPUs, offline vCPUs left out), {@code NetN RX: … TX: …} lines and
 * {@code VBD …} lines. MAXMEM(k) may read {@code no limit} (two words) with MAXMEM(%) {@code n/a}; with
 * {@code -f} names are full and may hold spaces, so a domain line is anchored on its state letters.
 * Not thread-safe: one parser per stream.
 */
public final class XentopParser {
    private static final Pattern DOMAIN = Pattern.compile("^\\s*(.+?)\\s+([-dsbcpr]{6})\\s+(\\d+)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+)\\s+\\S+"
            + "\\s+(no limit|\\d+)\\s+\\S+\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)"
            + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern VCPU = Pattern.compile("(\\d+):\\s+(\\d+)s");
    private static final Pattern VCPU_CONTINUED = Pattern.compile("^\\s+(\\d+:\\s+\\d+s\\s*)+$");
    private static final Pattern NET = Pattern.compile(
            "^Net\\d+ RX:\\s*(\\d+)bytes\\s+(\\d+)pkts\\s+\\d+err\\s+\\d+drop\\s+TX:\\s*(\\d+)bytes\\s+(\\d+)pkts.*$");

    private final List<XentopDomain> iteration = new ArrayList<>();
    private Matcher current;
    private final Map<Integer, Long> vcpus = new TreeMap<>();
    private long[] nic = {-1, -1, -1, -1};
    private boolean inVcpuLines;

    /**
     * Feeds one line.
     *
     * @return the iteration this line completed (a header after domains), or null
     */
    public List<XentopDomain> feed(String line) {
        if (line.contains("NAME") && line.contains("STATE") && line.contains("CPU(sec)")) {
            List<XentopDomain> done = finish();
            return done.isEmpty() ? null : done;
        }
        Matcher domain = DOMAIN.matcher(line);
        if (domain.matches()) {
            flushDomain();
            current = domain;
            return null;
        }
        if (current == null) {
            return null;
        }
        if (line.startsWith("VCPUs(sec):") || (inVcpuLines && VCPU_CONTINUED.matcher(line).matches())) {
            inVcpuLines = true;
            Matcher v = VCPU.matcher(line);
            while (v.find()) {
                vcpus.put(Integer.parseInt(v.group(1)), Long.parseLong(v.group(2)));
            }
            return null;
        }
        inVcpuLines = false;
        Matcher net = NET.matcher(line.strip());
        if (net.matches()) {
            for (int i = 0; i < 4; i++) {
                nic[i] = Math.max(nic[i], 0) + Long.parseLong(net.group(i + 1));
            }
        }
        return null;
    }

    /** Ends the current iteration and returns its domains (empty when it had none). */
    public List<XentopDomain> finish() {
        flushDomain();
        List<XentopDomain> done = List.copyOf(iteration);
        iteration.clear();
        return done;
    }

    /** Every complete iteration of a captured output; the last one counts as complete. */
    public static List<List<XentopDomain>> parseAll(String text) {
        XentopParser parser = new XentopParser();
        List<List<XentopDomain>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            List<XentopDomain> done = parser.feed(line);
            if (done != null) {
                out.add(done);
            }
        }
        List<XentopDomain> last = parser.finish();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private void flushDomain() {
        if (current != null) {
            Matcher m = current;
            long[] perVcpu = new long[vcpus.isEmpty() ? 0 : Math.max(Integer.parseInt(m.group(7)), ((TreeMap<Integer, Long>) vcpus).lastKey() + 1)];
            Arrays.fill(perVcpu, -1);
            vcpus.forEach((index, seconds) -> perVcpu[index] = seconds);
            String maxMem = m.group(6);
            iteration.add(new XentopDomain(m.group(1).strip(), m.group(2), Long.parseLong(m.group(3)),
                    Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)),
                    maxMem.equals("no limit") ? -1 : Long.parseLong(maxMem), Integer.parseInt(m.group(7)),
                    Long.parseLong(m.group(9)), Long.parseLong(m.group(10)), Long.parseLong(m.group(13)),
                    Long.parseLong(m.group(14)), Long.parseLong(m.group(15)), Long.parseLong(m.group(16)), perVcpu,
                    nic[0], nic[2], nic[1], nic[3]));
        }
        current = null;
        vcpus.clear();
        nic = new long[] {-1, -1, -1, -1};
        inVcpuLines = false;
    }
}
