package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.VmSpec;
import org.w3c.dom.Element;

/**
 * The CPU models a new VM may get, from the {@code <cpu>} part of the domain capabilities for its domain type:
 * host-passthrough and host-model where libvirt supports them (under TCG there is no host CPU to pass through),
 * and the named models, usable ones first. Read once per domain type and connection.
 */
final class CpuModels {
    private final Domains domains;
    private final HostReader host;
    private final Map<String, List<CpuModelOption>> byType = new ConcurrentHashMap<>();

    CpuModels(Domains domains, HostReader host) {
        this.domains = domains;
        this.host = host;
    }

    /** The options for a new VM of this domain type (kvm, qemu) on the host's architecture. */
    List<CpuModelOption> forType(String domainType) {
        return byType.computeIfAbsent(domainType, t -> {
            String xml = DomainCapabilities.read(domains, null, host.capabilities().arch(), null, t);
            return xml == null ? List.of() : parse(xml, t);
        });
    }

    /** Parses the domain capabilities; package-private for tests on captured output. */
    static List<CpuModelOption> parse(String domainCapabilities, String domainType) {
        Element cpu = Xml.child(Xml.parse(domainCapabilities), "cpu");
        List<CpuModelOption> options = new ArrayList<>();
        if (cpu == null) {
            return options;
        }
        List<CpuModelOption> named = new ArrayList<>();
        for (Element mode : Xml.children(cpu, "mode")) {
            String name = Xml.attr(mode, "name");
            boolean supported = "yes".equals(Xml.attr(mode, "supported"));
            if (VmSpec.HOST_PASSTHROUGH.equals(name) || VmSpec.HOST_MODEL.equals(name)) {
                options.add(new CpuModelOption(name, supported, supported ? null : unsupportedMode(name, domainType)));
            } else if ("custom".equals(name) && supported) {
                for (Element model : Xml.children(mode, "model")) {
                    String modelName = Xml.text(model).strip();
                    boolean usable = !"no".equals(Xml.attr(model, "usable"));
                    named.add(new CpuModelOption(modelName, usable, usable ? null
                            : "The host's CPU lacks features the " + modelName + " model needs" + ("qemu".equals(domainType)
                            ? ", and QEMU's emulation does not provide them." : ".")));
                }
            }
        }
        named.sort(Comparator.comparing((CpuModelOption o) -> !o.available()).thenComparing(CpuModelOption::name,
                String.CASE_INSENSITIVE_ORDER));
        options.addAll(named);
        return options;
    }

    private static String unsupportedMode(String mode, String domainType) {
        if (VmSpec.HOST_PASSTHROUGH.equals(mode) && "qemu".equals(domainType)) {
            return "host-passthrough needs hardware virtualization (KVM): under QEMU's emulation (TCG) there is no host CPU"
                    + " to pass through; choose host-model or a named model.";
        }
        return "libvirt does not offer " + mode + " for " + domainType + " guests on this host.";
    }
}
