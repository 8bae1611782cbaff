package org.duovirt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.pin.PinPlan;

/**
 * Pin plans as JSON, in the shape {@code duovirt pinning NAME --json} prints
 * ({@code {"vcpus":[{"vcpu":0,"cpus":[1],"softCpus":[1,2],"currentCpu":1}],"emulatorCpus":[0]}}), so a saved
 * pinning can be applied again. {@code currentCpu} is read and ignored. Every vCPU must appear once.
 */
final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 1 << 20;

    private PlanJson() {
    }

    static PinPlan read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidSpecException("The plan " + file + " is larger than 1 MiB; a pin plan is a few lines.");
            }
            return parse(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new InvalidSpecException("Could not read the plan " + file + ": " + e.getMessage().lines().findFirst().orElse("") + ".");
        }
    }

    static PinPlan parse(JsonNode root, String source) {
        JsonNode vcpus = root == null ? null : root.get("vcpus");
        if (vcpus == null || !vcpus.isArray() || vcpus.isEmpty()) {
            throw new InvalidSpecException("The plan " + source + " has no \"vcpus\" list (write it the way 'duovirt pinning NAME --json' prints it).");
        }
        CpuSet[] hard = new CpuSet[vcpus.size()];
        CpuSet[] soft = new CpuSet[vcpus.size()];
        int softCount = 0;
        for (JsonNode v : vcpus) {
            JsonNode n = v.get("vcpu");
            if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0 || n.asInt() >= hard.length) {
                throw new InvalidSpecException("Each vCPU of the plan " + source + " needs a \"vcpu\" number from 0 to " + (hard.length - 1) + ".");
            }
            int i = n.asInt();
            if (hard[i] != null) {
                throw new InvalidSpecException("The plan " + source + " names vCPU " + i + " twice.");
            }
            hard[i] = cpus(v.get("cpus"), "the \"cpus\" of vCPU " + i, source);
            if (v.hasNonNull("softCpus")) {
                soft[i] = cpus(v.get("softCpus"), "the \"softCpus\" of vCPU " + i, source);
                softCount++;
            }
        }
        if (softCount != 0 && softCount != hard.length) {
            throw new InvalidSpecException("The plan " + source + " gives \"softCpus\" for some vCPUs only: give them for all or none.");
        }
        CpuSet emulator = root.hasNonNull("emulatorCpus") ? cpus(root.get("emulatorCpus"), "the \"emulatorCpus\"", source) : null;
        return new PinPlan(List.of(hard), softCount == 0 ? List.of() : List.of(soft), emulator);
    }

    /** A list of CPU numbers, or a string in CPU-list syntax ("0-3,^2"). */
    private static CpuSet cpus(JsonNode node, String what, String source) {
        try {
            if (node != null && node.isTextual()) {
                return CpuSet.parse(node.asText());
            }
            if (node == null || !node.isArray()) {
                throw new InvalidSpecException("In the plan " + source + ", " + what + " must be a list of CPU numbers.");
            }
            List<Integer> cpus = new ArrayList<>();
            for (JsonNode c : node) {
                if (!c.isIntegralNumber() || !c.canConvertToInt()) {
                    throw new InvalidSpecException("In the plan " + source + ", " + what + " has '" + c + "', which is not a CPU number.");
                }
                cpus.add(c.asInt());
            }
            return CpuSet.of(cpus);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("In the plan " + source + ", " + what + ": " + e.getMessage());
        }
    }

    /** The JSON shape of a plan (the pinning --json shape without current CPUs). */
    static Map<String, Object> of(PinPlan plan) {
        List<Map<String, Object>> vcpus = new ArrayList<>();
        for (int i = 0; i < plan.vcpuCount(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vcpu", i);
            m.put("cpus", plan.hard(i).toList());
            if (plan.hasSoft()) {
                m.put("softCpus", plan.soft(i).toList());
            }
            vcpus.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vcpus", vcpus);
        m.put("emulatorCpus", Json.cpus(plan.emulator()));
        return m;
    }
}
