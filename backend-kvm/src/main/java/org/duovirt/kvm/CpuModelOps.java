package org.duovirt.kvm;

import java.util.List;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A VM's CPU model in its saved definition. The model must be one the host's domain capabilities offer for the VM's
 * domain type; {@code <cpu>} keeps its topology and NUMA cells, and loses the named model's features when it
 * becomes host-passthrough, host-model or the default. The inactive XML is read with its secrets and defined again.
 */
final class CpuModelOps {
    static final String DEFAULT = VmSpec.CPU_DEFAULT;
    private final Domains domains;
    private final VmCreator creator;

    CpuModelOps(Domains domains, VmCreator creator) {
        this.domains = domains;
        this.creator = creator;
    }

    void set(String vm, String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidSpecException("Name the CPU model: default, host-passthrough, host-model or a model like qemu64.");
        }
        String chosen = model.strip();
        domains.run(vm, "Setting the CPU model of VM '" + vm + "'", d -> {
            Element root = Xml.parse(Domains.savedWithSecrets(d));
            if (!DEFAULT.equals(chosen)) {
                VirtMode mode = "kvm".equals(root.getAttribute("type")) ? VirtMode.KVM : VirtMode.QEMU;
                check(chosen, creator.cpuModels(mode), vm);
            }
            apply(root, chosen);
            domains.connect().domainDefineXML(Xml.serialize(root)).free();
        });
    }

    private static void check(String model, List<CpuModelOption> options, String vm) {
        CpuModelOption option = options.stream().filter(o -> o.name().equals(model)).findFirst().orElse(null);
        if (option == null) {
            throw new InvalidSpecException("This host offers no CPU model '" + DeviceInputs.printable(model) + "' for VM '"
                    + vm + "'; pick one from its list (duovirt cpu-model " + vm + " --list).");
        }
        if (!option.available()) {
            throw new InvalidSpecException(option.reason());
        }
    }

    /** Rewrites {@code <cpu>} of a domain element for the model; the topology and NUMA cells stay. */
    static void apply(Element root, String model) {
        Element cpu = Xml.child(root, "cpu");
        if (cpu == null) {
            cpu = root.getOwnerDocument().createElement("cpu");
            Element after = Xml.child(root, "clock");
            root.insertBefore(cpu, after);
        }
        for (String attribute : List.of("mode", "match", "check", "migratable")) {
            cpu.removeAttribute(attribute);
        }
        for (Node n = cpu.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n instanceof Element e && (e.getTagName().equals("model") || e.getTagName().equals("feature")
                    || e.getTagName().equals("vendor"))) {
                cpu.removeChild(e);
            }
            n = next;
        }
        if (model.equals(VmSpec.HOST_PASSTHROUGH) || model.equals(VmSpec.HOST_MODEL)) {
            cpu.setAttribute("mode", model);
        } else if (!model.equals(DEFAULT)) {
            cpu.setAttribute("mode", "custom");
            cpu.setAttribute("match", "exact");
            Element named = root.getOwnerDocument().createElement("model");
            // forbid: a model the host cannot give exactly fails at start instead of silently becoming another
            named.setAttribute("fallback", "forbid");
            named.setTextContent(model);
            cpu.insertBefore(named, cpu.getFirstChild());
        }
        if (model.equals(DEFAULT) && Xml.child(cpu, "topology") == null && Xml.child(cpu, "numa") == null) {
            Xml.remove(cpu);
        }
    }
}
