package org.duovirt.xen.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code xl list [-v] [-c]}. A line is {@code "%-40s %5d %5lu %5d     %c%c%c%c%c%c  %8.1f"} and
 * then, with {@code -v}, the UUID and more; with {@code -c} the cpupool last. Names may hold spaces, so
 * the line is anchored on the six state letters and the numbers around them.
 */
public final class XlListParser {
    private static final Pattern ROW = Pattern.compile(
            "^(.+?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([-rbpscdwS?]{6})\\s+(\\d+(?:\\.\\d+)?)"
                    + "(?:\\s+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))?(.*)$");

    private XlListParser() {
    }

    /**
     * @param withPool true for {@code xl list -c} output: the last word of the line is the cpupool
     */
    public static List<XlDomainRow> parse(String text, boolean withPool) {
        List<XlDomainRow> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("Name ") && line.contains("State")) {
                continue;
            }
            Matcher m = ROW.matcher(line.stripTrailing());
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(8).strip();
            String pool = null;
            if (withPool && !rest.isEmpty()) {
                String[] words = rest.split("\\s+");
                pool = words[words.length - 1];
            }
            rows.add(new XlDomainRow(m.group(1).strip(), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                    Integer.parseInt(m.group(4)), m.group(5), XlStates.fromXlList(m.group(5)),
                    Double.parseDouble(m.group(6)), m.group(7), pool));
        }
        return rows;
    }
}
