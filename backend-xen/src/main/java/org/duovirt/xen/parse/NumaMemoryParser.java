package org.duovirt.xen.parse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads where each domain's memory lies from the hypervisor's NUMA dump ({@code xl debug-keys u}, then
 * {@code xl dmesg}): after {@code Memory location of each domain:}, a {@code d5 (total: 24576):} line (older Xen:
 * {@code Domain 5 (total: …):}) and one {@code Node N: PAGES} line per node. Xen has no other interface that says
 * this (libvirt's {@code <numatune>} has no xl counterpart), and the NUMA warnings need it.
 * Only the last dump in the text counts.
 */
public final class NumaMemoryParser {
    private static final String START = "Memory location of each domain:";
    private static final Pattern DOMAIN = Pattern.compile("(?:\\bd|Domain )(\\d+) \\(total: (\\d+)\\):");
    private static final Pattern NODE = Pattern.compile("^\\s*Node (\\d+): (\\d+)\\s*$");
    /**
     * A node holds a domain's memory when it has at least this share of its pages: Xen places a few pages
     * (page tables, grant frames) wherever they fit, and those do not make the guest's accesses remote.
     */
    private static final double SHARE = 0.10;

    private NumaMemoryParser() {
    }

    /** Per domid, the nodes holding its memory (empty for a domain with no pages). */
    public static Map<Integer, Set<Integer>> parse(String dmesg) {
        int start = dmesg.lastIndexOf(START);
        Map<Integer, Set<Integer>> out = new LinkedHashMap<>();
        if (start < 0) {
            return out;
        }
        Integer domid = null;
        Map<Integer, Long> pages = new HashMap<>();
        for (String raw : dmesg.substring(start + START.length()).split("\n")) {
            String line = stripPrefix(raw);
            Matcher d = DOMAIN.matcher(line);
            Matcher n = NODE.matcher(line);
            if (d.find()) {
                if (domid != null) {
                    out.put(domid, nodes(pages));
                }
                domid = Integer.parseInt(d.group(1));
                pages.clear();
            } else if (domid != null && n.matches()) {
                pages.put(Integer.parseInt(n.group(1)), Long.parseLong(n.group(2)));
            }
        }
        if (domid != null) {
            out.put(domid, nodes(pages));
        }
        return out;
    }

    /** {@code (XEN) } and an optional {@code [  12.345] } timestamp before each line of xl dmesg. */
    private static String stripPrefix(String line) {
        String s = line.startsWith("(XEN) ") ? line.substring(6) : line;
        return s.startsWith("[") && s.indexOf(']') > 0 ? s.substring(s.indexOf(']') + 1) : s;
    }

    private static Set<Integer> nodes(Map<Integer, Long> pages) {
        long total = pages.values().stream().mapToLong(Long::longValue).sum();
        Set<Integer> nodes = new TreeSet<>();
        pages.forEach((node, count) -> {
            if (count > 0 && count >= SHARE * total) {
                nodes.add(node);
            }
        });
        return nodes;
    }
}
