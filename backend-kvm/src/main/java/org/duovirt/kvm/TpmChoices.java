package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.model.DeviceChoices;
import org.duovirt.core.model.NewDevice;
import org.w3c.dom.Element;

/**
 * Which TPM a VM may be given: an emulated TPM 2.0 (libvirt starts swtpm for it) where the domain capabilities for
 * the VM's emulator, machine and domain type list the emulator backend, with the interface models they list
 * (tpm-crb first). libvirt lists the emulator backend only when swtpm is installed on the host; a VM takes one TPM.
 */
final class TpmChoices {
    static final String NO_SWTPM = "libvirt offers no emulated TPM on this host: install swtpm and swtpm-tools there "
            + "(bin/setup does).";

    private TpmChoices() {
    }

    /** Reads the VM's saved definition and the domain capabilities that apply to it. */
    static DeviceChoices read(Domains domains, String vm) {
        Element def = Xml.parse(domains.xml(vm, StorageOwnership.XML_INACTIVE));
        Element type = Xml.path(def, "os", "type");
        Element emulator = Xml.path(def, "devices", "emulator");
        String caps = DomainCapabilities.read(domains, emulator == null ? null : Xml.text(emulator).strip(),
                Xml.attr(type, "arch"), Xml.attr(type, "machine"), Xml.attr(def, "type"));
        return parse(caps, def);
    }

    /** Package-private for tests on captured output; {@code domainCapabilities} null where the driver has none. */
    static DeviceChoices parse(String domainCapabilities, Element definition) {
        Element devices = Xml.child(definition, "devices");
        if (devices != null && !Xml.children(devices, "tpm").isEmpty()) {
            return DeviceChoices.none("The VM has a TPM already; remove it first to add another.");
        }
        if (domainCapabilities == null) {
            return DeviceChoices.none("This host does not say which TPMs its VMs can have.");
        }
        Element tpm = Xml.path(Xml.parse(domainCapabilities), "devices", "tpm");
        if (tpm == null || !"yes".equals(Xml.attr(tpm, "supported"))) {
            return DeviceChoices.none("libvirt offers no TPM for this VM's machine type on this host.");
        }
        List<String> backends = values(tpm, "backendModel");
        if (!backends.contains("emulator")) {
            return DeviceChoices.none(NO_SWTPM);
        }
        List<String> versions = values(tpm, "backendVersion");
        if (!versions.isEmpty() && !versions.contains("2.0")) {
            return DeviceChoices.none("The host's swtpm emulates no TPM 2.0, only " + String.join(", ", versions) + ".");
        }
        List<String> offered = values(tpm, "model");
        List<String> models = new ArrayList<>();
        for (String m : NewDevice.TYPES.get(NewDevice.Kind.TPM)) {
            if (offered.contains(m)) {
                models.add(m);
            }
        }
        return models.isEmpty() ? DeviceChoices.none("libvirt offers neither a tpm-crb nor a tpm-tis TPM for this VM's machine type.")
                : new DeviceChoices(models, null);
    }

    private static List<String> values(Element device, String name) {
        for (Element e : Xml.children(device, "enum")) {
            if (name.equals(Xml.attr(e, "name"))) {
                return Xml.children(e, "value").stream().map(v -> Xml.text(v).strip()).toList();
            }
        }
        return List.of();
    }
}
