package org.duovirt.xen.parse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.model.VirtMode;

/**
 * Reads {@code xl info -n}: {@code key : value} lines (memory in MiB) plus the {@code cpu_topology}
 * table ({@code cpu: core socket node}) and the {@code numa_info} table ({@code node: memsize memfree distances}, MiB).
 */
public final class XlInfoParser {
    private static final Pattern KEY_VALUE = Pattern.compile("^([a-z_][a-z_ ]*?)\\s*:\\s?(.*)$");
    private static final Pattern ROW = Pattern.compile("^\\s*(\\d+):\\s+(.*)$");

    private XlInfoParser() {
    }

    /** The parsed output: every key, the topology rows and the NUMA rows. */
    public record XlInfo(Map<String, String> values, List<int[]> cpuRows, List<long[]> numaRows) {
        public String get(String key) {
            return values.getOrDefault(key, "");
        }

        public long number(String key) {
            try {
                return Long.parseLong(get(key).strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    public static XlInfo parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<int[]> cpus = new ArrayList<>();
        List<long[]> numa = new ArrayList<>();
        String table = "";
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String[] cols = row.group(2).strip().split("\\s+");
                if (table.equals("cpu_topology") && cols.length >= 3) {
                    cpus.add(new int[] {Integer.parseInt(row.group(1)), Integer.parseInt(cols[0]),
                            Integer.parseInt(cols[1]), Integer.parseInt(cols[2])});
                } else if (table.equals("numa_info") && cols.length >= 2) {
                    numa.add(new long[] {Long.parseLong(row.group(1)), Long.parseLong(cols[0]), Long.parseLong(cols[1])});
                }
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(line);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).strip();
            if (key.equals("cpu") || key.equals("node") || key.equals("device")) {
                continue; // column headings of the tables
            }
            table = key;
            values.putIfAbsent(key, kv.group(2).strip());
        }
        return new XlInfo(values, cpus, numa);
    }

    /** The host as the SPI describes it. */
    public static HostInfo hostInfo(XlInfo info, String cpuModel) {
        return new HostInfo(info.get("host"), "Xen", info.get("xen_version"), cpuModel,
                info.number("total_memory") * 1024, info.number("free_memory") * 1024, topology(info), modes(info));
    }

    /**
     * PV needs a {@code xen-*} entry in xen_caps. PVH and HVM need an {@code hvm-*} entry there and
     * {@code hvm} in virt_caps (VMX/SVM present): without them Xen runs PV guests only.
     */
    public static Set<VirtMode> modes(XlInfo info) {
        Set<VirtMode> modes = EnumSet.noneOf(VirtMode.class);
        List<String> xenCaps = List.of(info.get("xen_caps").split("\\s+"));
        List<String> virtCaps = List.of(info.get("virt_caps").split("\\s+"));
        if (xenCaps.stream().anyMatch(c -> c.startsWith("xen-"))) {
            modes.add(VirtMode.PV);
        }
        if (xenCaps.stream().anyMatch(c -> c.startsWith("hvm-")) && virtCaps.contains("hvm")) {
            modes.add(VirtMode.PVH);
            modes.add(VirtMode.HVM);
        }
        return modes;
    }

    static CpuTopology topology(XlInfo info) {
        long totalKiB = info.number("total_memory") * 1024;
        if (info.cpuRows().isEmpty()) {
            return CpuTopology.flat((int) Math.max(1, info.number("nr_cpus")), totalKiB);
        }
        List<PhysicalCpu> cpus = new ArrayList<>();
        Map<Integer, List<Integer>> cellCpus = new TreeMap<>();
        Map<String, List<Integer>> cores = new LinkedHashMap<>();
        for (int[] r : info.cpuRows()) {
            cores.computeIfAbsent(r[3] + "/" + r[2] + "/" + r[1], k -> new ArrayList<>()).add(r[0]);
            cellCpus.computeIfAbsent(r[3], k -> new ArrayList<>()).add(r[0]);
        }
        for (int[] r : info.cpuRows()) {
            CpuSet siblings = CpuSet.of(cores.get(r[3] + "/" + r[2] + "/" + r[1]));
            cpus.add(new PhysicalCpu(r[0], r[2], r[1], r[3], siblings, true));
        }
        List<NumaCell> cells = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> cell : cellCpus.entrySet()) {
            long[] mem = info.numaRows().stream().filter(n -> n[0] == cell.getKey()).findFirst().orElse(null);
            long size = mem == null ? (cellCpus.size() == 1 ? totalKiB : 0) : mem[1] * 1024;
            long free = mem == null ? 0 : mem[2] * 1024;
            cells.add(new NumaCell(cell.getKey(), CpuSet.of(cell.getValue()), size, free));
        }
        int sockets = (int) info.cpuRows().stream().mapToInt(r -> r[2]).distinct().count();
        int threads = (int) Math.max(1, info.number("threads_per_core"));
        int coresPerSocket = (int) Math.max(1, info.number("cores_per_socket"));
        return new CpuTopology(sockets, coresPerSocket, threads, cells, cpus);
    }
}
