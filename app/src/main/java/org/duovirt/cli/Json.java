package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.model.VmSummary;

/** The JSON shapes of the CLI, built as ordered maps so field names are the documented ones. */
final class Json {
    private Json() {
    }

    /** The dry run's problems: [{field, message}]. */
    static List<Map<String, Object>> problems(List<org.duovirt.core.model.SpecProblem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", p.field().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", p.message());
            return m;
        }).toList();
    }

    /** The dry run's definition: {problems: [], definition}. */
    static Map<String, Object> preview(String definition) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problems", List.of());
        m.put("definition", definition);
        return m;
    }

    static Map<String, Object> summary(VmSummary vm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", vm.name());
        m.put("uuid", vm.uuid());
        m.put("state", vm.state().cliName());
        m.put("vcpus", vm.vcpus());
        m.put("memoryMiB", vm.memoryMiB());
        return m;
    }

    static Map<String, Object> details(VmDetails d) {
        VmSummary s = d.summary();
        Map<String, Object> m = summary(s);
        m.put("id", s.id());
        m.put("maxVcpus", s.maxVcpus());
        m.put("maxMemoryMiB", s.maxMemoryKiB() / 1024);
        m.put("osType", d.osType());
        m.put("mode", d.mode() == null ? null : d.mode().cliName());
        m.put("arch", d.emulatedArch());
        m.put("autostart", d.autostart());
        m.put("disks", d.disks());
        m.put("nics", d.nics());
        m.put("consoles", d.consoles().stream().map(c -> Map.of("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT),
                "detail", String.valueOf(c.detail()))).toList());
        return m;
    }

    static Map<String, Object> host(HostInfo h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hostname", h.hostname());
        m.put("hypervisor", h.hypervisor());
        m.put("version", h.hypervisorVersion());
        m.put("cpuModel", h.cpuModel());
        m.put("memoryMiB", h.totalMemoryKiB() / 1024);
        m.put("freeMemoryMiB", h.freeMemoryKiB() / 1024);
        m.put("modes", h.supportedModes().stream().map(VirtMode::cliName).sorted().toList());
        m.put("topology", topology(h.topology()));
        return m;
    }

    static Map<String, Object> topology(CpuTopology t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", t.cpuCount());
        m.put("sockets", t.sockets());
        m.put("coresPerSocket", t.coresPerSocket());
        m.put("threadsPerCore", t.threadsPerCore());
        m.put("numaCells", t.cells().stream().map(Json::cell).toList());
        m.put("cpuList", t.cpus().stream().map(Json::cpu).toList());
        return m;
    }

    private static Map<String, Object> cell(NumaCell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("cpus", c.cpus().toList());
        m.put("memoryMiB", c.memoryKiB() / 1024);
        return m;
    }

    private static Map<String, Object> cpu(PhysicalCpu c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("socket", c.socket());
        m.put("core", c.core());
        m.put("node", c.node());
        m.put("siblings", c.siblings().toList());
        m.put("online", c.online());
        return m;
    }

    static List<Integer> cpus(CpuSet set) {
        return set == null ? null : set.toList();
    }

    /** JSON has no NaN: an unknown rate is null. */
    static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : Math.round(value * 100.0) / 100.0;
    }
}
