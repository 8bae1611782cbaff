package org.duovirt.xen.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;

/**
 * Reads {@code xl list -l} ({@code [{"domid":N,"config":{c_info, b_info, disks, nics, vfbs …}}]}) and the
 * JSON {@code xl -N create} prints for one config. Lenient: every field may be missing (libxl omits
 * defaults), unknown fields are ignored. Domain-0 is skipped: it is the host, not a VM.
 */
public final class XlListJsonParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private XlListJsonParser() {
    }

    public static List<XlDomainConfig> parse(String text) {
        JsonNode root = read(text);
        List<XlDomainConfig> out = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode entry : root) {
                int domid = entry.path("domid").asInt(-1);
                if (domid != 0) {
                    out.add(config(domid, entry.path("config")));
                }
            }
        } else if (root.isObject()) {
            // xl -N create prints the bare libxl_domain_config.
            out.add(config(-1, root.has("config") ? root.path("config") : root));
        }
        return out;
    }

    private static JsonNode read(String text) {
        String json = text.strip();
        int bracket = json.indexOf('[');
        int brace = json.indexOf('{');
        int start = bracket < 0 ? brace : brace < 0 ? bracket : Math.min(bracket, brace);
        try {
            return start < 0 ? JSON.createArrayNode() : JSON.readTree(json.substring(start));
        } catch (JsonProcessingException e) {
            throw new DuovirtException("xl printed JSON Duovirt cannot read: " + e.getOriginalMessage() + ".", null, text, e);
        }
    }

    private static XlDomainConfig config(int domid, JsonNode config) {
        JsonNode cInfo = config.path("c_info");
        JsonNode bInfo = config.path("b_info");
        JsonNode pv = bInfo.path("type.pv");
        List<DiskInfo> disks = new ArrayList<>();
        for (JsonNode d : config.path("disks")) {
            boolean cdrom = d.path("is_cdrom").asInt(0) != 0;
            disks.add(new DiskInfo(text(d, "vdev"), text(d, "pdev_path"), format(text(d, "format")),
                    cdrom ? "cdrom" : "disk", d.path("readwrite").asInt(0) == 0));
        }
        List<NicInfo> nics = new ArrayList<>();
        for (JsonNode n : config.path("nics")) {
            nics.add(new NicInfo(text(n, "mac"), text(n, "bridge"), text(n, "model")));
        }
        boolean vnc = false;
        for (JsonNode fb : config.path("vfbs")) {
            vnc |= fb.path("vnc").path("enable").asText("").equals("True") || fb.path("vnc").path("enable").asBoolean(false);
        }
        JsonNode hvmVnc = bInfo.path("type.hvm").path("vnc").path("enable");
        vnc |= hvmVnc.asText("").equals("True") || hvmVnc.asBoolean(false);
        int maxVcpus = bInfo.path("max_vcpus").asInt(0);
        JsonNode avail = bInfo.path("avail_vcpus");
        int online = avail.isArray() ? avail.size() : maxVcpus;
        List<CpuSet> hard = new ArrayList<>();
        for (JsonNode mask : bInfo.path("vcpu_hard_affinity")) {
            List<Integer> cpus = new ArrayList<>();
            mask.forEach(c -> cpus.add(c.asInt()));
            hard.add(CpuSet.of(cpus));
        }
        return new XlDomainConfig(domid, text(cInfo, "name"), text(cInfo, "uuid"), text(cInfo, "type"),
                maxVcpus, online, bInfo.path("max_memkb").asLong(0), bInfo.path("target_memkb").asLong(0),
                first(text(bInfo, "kernel"), text(pv, "kernel")), first(text(bInfo, "ramdisk"), text(pv, "ramdisk")),
                first(text(bInfo, "cmdline"), text(pv, "cmdline")), text(pv, "bootloader"), disks, nics, vnc, hard);
    }

    private static String format(String format) {
        return format == null ? null : format.toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
