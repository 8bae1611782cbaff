package org.duovirt.xen.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuPool;

/**
 * Builds cpupools from three outputs: {@code xl cpupool-list} ({@code Name CPUs Sched Active Domain count}),
 * {@code xl cpupool-list -c} ({@code Name CPU list}) and the pool column of {@code xl list -c}.
 */
public final class CpupoolListParser {
    private static final Pattern POOL = Pattern.compile("^(.+?)\\s+(\\d+)\\s+(\\S+)\\s+([yn])\\s+(\\d+)\\s*$");

    private CpupoolListParser() {
    }

    public static List<CpuPool> parse(String list, String cpuList, List<XlDomainRow> domains) {
        Map<String, String> schedulers = new LinkedHashMap<>();
        for (String line : list.split("\n")) {
            Matcher m = POOL.matcher(line);
            if (m.matches() && !line.startsWith("Name ")) {
                schedulers.put(m.group(1).strip(), m.group(3));
            }
        }
        Map<String, CpuSet> cpus = new LinkedHashMap<>();
        for (String line : cpuList.split("\n")) {
            String row = line.strip();
            if (row.isEmpty() || line.startsWith("Name ")) {
                continue;
            }
            String[] parts = row.split("\\s+");
            cpus.put(parts[0], parts.length > 1 ? CpuSet.parse(parts[parts.length - 1]) : CpuSet.empty());
            schedulers.putIfAbsent(parts[0], null);
        }
        List<CpuPool> pools = new ArrayList<>();
        for (Map.Entry<String, String> pool : schedulers.entrySet()) {
            List<String> vms = domains.stream().filter(d -> d.domid() != 0 && pool.getKey().equals(d.pool()))
                    .map(XlDomainRow::name).toList();
            pools.add(new CpuPool(pool.getKey(), cpus.getOrDefault(pool.getKey(), CpuSet.empty()),
                    pool.getValue() == null ? "unknown" : pool.getValue(), vms));
        }
        return pools;
    }
}
