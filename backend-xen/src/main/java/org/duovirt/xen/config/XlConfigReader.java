package org.duovirt.xen.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;

/**
 * Reads back the subset of xl.cfg that {@link XlConfigWriter} writes: {@code key = value} where a value
 * is a number, a quoted string or a list of quoted strings (one line or several), comments with
 * {@code #}, and Duovirt's {@code # duovirt-owned-image} marks. Keys it does not know are kept in
 * {@link #values} but otherwise ignored.
 */
public final class XlConfigReader {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> ownedImages = new HashSet<>();

    private XlConfigReader() {
    }

    /** @throws DuovirtException when the text is not in the subset this reader knows */
    public static XlConfig read(String text) {
        XlConfigReader reader = new XlConfigReader();
        reader.parse(text);
        return reader.toConfig();
    }

    /** Every setting as a String, Long or List of String. */
    public static Map<String, Object> values(String text) {
        XlConfigReader reader = new XlConfigReader();
        reader.parse(text);
        return reader.values;
    }

    private void parse(String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(XlConfigWriter.OWNED_IMAGE.strip())) {
                String rest = line.substring(line.indexOf('=') + 1).strip();
                ownedImages.add(XlQuoting.unquote(rest, new int[1]));
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw bad(line);
            }
            String key = line.substring(0, eq).strip();
            StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
            while (value.length() > 0 && value.charAt(0) == '[' && !closed(value.toString()) && i + 1 < lines.length) {
                value.append(' ').append(lines[++i].strip());
            }
            values.put(key, value(value.toString(), line));
        }
    }

    private static boolean closed(String list) {
        int[] end = new int[1];
        int i = 1;
        while (i < list.length()) {
            char c = list.charAt(i);
            if (c == '"' || c == '\'') {
                XlQuoting.unquote(list.substring(i), end);
                i += end[0];
            } else if (c == ']') {
                return true;
            } else {
                i++;
            }
        }
        return false;
    }

    private static Object value(String text, String line) {
        String v = stripComment(text);
        if (v.startsWith("\"") || v.startsWith("'")) {
            return XlQuoting.unquote(v, new int[1]);
        }
        if (v.startsWith("[")) {
            List<String> items = new ArrayList<>();
            int i = 1;
            int[] end = new int[1];
            while (i < v.length()) {
                char c = v.charAt(i);
                if (c == '"' || c == '\'') {
                    items.add(XlQuoting.unquote(v.substring(i), end));
                    i += end[0];
                } else if (c == ']') {
                    return items;
                } else {
                    i++;
                }
            }
            throw bad(line);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** A trailing comment after an unquoted value. */
    private static String stripComment(String v) {
        if (v.startsWith("\"") || v.startsWith("'") || v.startsWith("[")) {
            return v;
        }
        int hash = v.indexOf('#');
        return (hash < 0 ? v : v.substring(0, hash)).strip();
    }

    private XlConfig toConfig() {
        String name = string("name");
        if (name == null) {
            throw new DuovirtException("The xl config has no name= line.", (String) null);
        }
        long memory = number("memory", 128);
        int vcpus = (int) number("vcpus", 1);
        List<XlDisk> disks = new ArrayList<>();
        for (String spec : list("disk")) {
            disks.add(disk(spec));
        }
        List<XlVif> vifs = new ArrayList<>();
        for (String spec : list("vif")) {
            Map<String, String> kv = spec(spec);
            vifs.add(new XlVif(kv.get("bridge"), kv.get("mac")));
        }
        boolean vnc = number("vnc", 0) == 1 || list("vfb").stream().anyMatch(s -> "1".equals(spec(s).get("vnc")));
        String boot = string("boot");
        return new XlConfig(name, string("type") == null ? (string("builder") == null ? "pv" : string("builder")) : string("type"),
                memory, number("maxmem", memory), vcpus, (int) number("maxvcpus", vcpus), cpuSets("cpus"), cpuSets("cpus_soft"),
                string("kernel"), string("ramdisk"), string("cmdline") != null ? string("cmdline") : string("extra"),
                string("bootloader"), boot != null && boot.startsWith("d"), "ovmf".equals(string("bios")), disks, vifs, vnc, string("uuid"),
                string("pool"));
    }

    private XlDisk disk(String spec) {
        int target = spec.indexOf("target=");
        String path = target < 0 ? null : spec.substring(target + "target=".length());
        Map<String, String> kv = spec(target < 0 ? spec : spec.substring(0, target));
        return new XlDisk(path, kv.getOrDefault("vdev", "xvda"), kv.getOrDefault("format", "raw"),
                "ro".equals(kv.get("access")) || "r".equals(kv.get("access")), "cdrom".equals(kv.get("devtype")),
                path != null && ownedImages.contains(path));
    }

    private static Map<String, String> spec(String spec) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return kv;
    }

    private List<CpuSet> cpuSets(String key) {
        Object v = values.get(key);
        List<CpuSet> sets = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(item -> sets.add(CpuSet.parse(item.toString())));
        }
        return sets;
    }

    private String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    private long number(String key, long fallback) {
        return values.get(key) instanceof Long n ? n : fallback;
    }

    private List<String> list(String key) {
        Object v = values.get(key);
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return v instanceof String s ? List.of(s) : List.of();
    }

    private static DuovirtException bad(String line) {
        return new DuovirtException("Duovirt cannot read the xl config line '" + line + "'.",
                "Duovirt reads the configs it writes; restore the file or remove the line.");
    }
}
