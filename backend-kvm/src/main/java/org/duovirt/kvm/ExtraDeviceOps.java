package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DeviceChoices;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.NewDevice;
import org.duovirt.core.model.PinScope;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Adding and removing serial ports, RNGs, displays and TPMs. QEMU hot-plugs a virtio RNG but neither an ISA serial
 * port, a display nor a TPM, so those go into the saved definition only (they appear at the next start). A TPM is
 * added only as the host offers it ({@link TpmChoices}). The saved definition
 * is rewritten and defined again (libvirt cannot attach a display persistently), read with its secrets so a
 * display password survives.
 */
final class ExtraDeviceOps {
    private static final Pattern ID = Pattern.compile("(serial|rng|graphics|tpm)(\\d{1,4})");
    private final Domains domains;

    ExtraDeviceOps(Domains domains) {
        this.domains = domains;
    }

    Set<PinScope> add(String vm, NewDevice device, Set<PinScope> scopes) {
        String xml = xml(device);
        if (device.kind() == NewDevice.Kind.TPM) {
            DeviceChoices offered = TpmChoices.read(domains, vm);
            if (!offered.available()) {
                throw new InvalidSpecException("VM '" + vm + "' cannot have a TPM: " + offered.unavailable());
            }
            if (!offered.types().contains(device.type())) {
                throw new InvalidSpecException("This host offers no " + device.type() + " TPM for VM '" + vm + "': use "
                        + String.join(" or ", offered.types()) + ".");
            }
        }
        return domains.with(vm, "Adding " + device.describe() + " to VM '" + vm + "'", d -> {
            Set<PinScope> done = DeviceScopes.plan(d, vm, device.kind() == NewDevice.Kind.RNG, scopes, refusal("plug " + device.describe() + " into", vm));
            if (done.contains(PinScope.LIVE)) {
                d.attachDeviceFlags(xml, LibvirtNative.VIR_DOMAIN_AFFECT_LIVE);
            }
            if (done.contains(PinScope.CONFIG)) {
                saved(d, vm, done, root -> {
                    Element devices = Xml.child(root, "devices");
                    devices.appendChild(root.getOwnerDocument().importNode(Xml.parse(xml), true));
                });
            }
            return done;
        });
    }

    Set<PinScope> remove(String vm, String id, Set<PinScope> scopes) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            throw new InvalidSpecException("'" + DeviceInputs.printable(id) + "' is not a serial port, RNG, display or TPM of the VM's "
                    + "hardware list (ids like serial3, rng7, graphics5 or tpm9).");
        }
        String tag = m.group(1);
        int index = Integer.parseInt(m.group(2));
        return domains.with(vm, "Removing " + id + " from VM '" + vm + "'", d -> {
            // The hardware list numbers the devices of the XML it read: the live one while the VM runs.
            Element shown = deviceAt(Xml.parse(d.getXMLDesc(d.isActive() == 1 ? 0 : StorageOwnership.XML_INACTIVE)), index);
            if (shown == null || !shown.getTagName().equals(tag)) {
                throw new InvalidSpecException("VM '" + vm + "' has no device " + id + " any more; reload its hardware list.");
            }
            int nth = Xml.children((Element) shown.getParentNode(), tag).indexOf(shown);
            Set<PinScope> done = DeviceScopes.plan(d, vm, tag.equals("rng"), scopes, refusal("unplug " + id + " from", vm));
            if (done.contains(PinScope.LIVE)) {
                d.detachDeviceFlags(Xml.serialize(shown), LibvirtNative.VIR_DOMAIN_AFFECT_LIVE);
            }
            if (done.contains(PinScope.CONFIG)) {
                saved(d, vm, done, root -> {
                    List<Element> same = Xml.children(Xml.child(root, "devices"), tag);
                    if (nth < same.size()) {
                        Xml.remove(same.get(nth));
                    }
                });
            }
            return done;
        });
    }

    /** The device XML, written with the XML writer from the record's checked choice. */
    static String xml(NewDevice device) {
        XmlOut x = new XmlOut();
        switch (device.kind()) {
            case SERIAL -> x.start("serial").attr("type", device.type()).end();
            case RNG -> x.start("rng").attr("model", "virtio").textElement("backend", device.type(), "model", "random").end();
            case DISPLAY -> {
                x.start("graphics").attr("type", device.type()).attr("autoport", "yes").attr("listen", "127.0.0.1");
                x.empty("listen", "type", "address", "address", "127.0.0.1");
                x.end();
            }
            case TPM -> x.start("tpm").attr("model", device.type()).empty("backend", "type", "emulator", "version", "2.0").end();
            default -> throw new IllegalStateException("no XML for " + device.kind());
        }
        return x.toString();
    }

    private interface Edit {
        void apply(Element root);
    }

    /** Rewrites the saved definition; a failure after the live change says that the live change stays. */
    private void saved(Domain d, String vm, Set<PinScope> done, Edit edit) throws LibvirtException {
        Element root = Xml.parse(Domains.savedWithSecrets(d));
        edit.apply(root);
        try {
            domains.connect().domainDefineXML(Xml.serialize(root)).free();
        } catch (LibvirtException e) {
            if (done.contains(PinScope.LIVE)) {
                throw new DuovirtException("The running VM '" + vm + "' was changed, but its saved definition was not: "
                        + LibvirtErrors.message(e), "The change goes with the next shut-down; try again to save it.");
            }
            throw e;
        }
    }

    private static String refusal(String action, String vm) {
        return "QEMU cannot " + action + " the running VM '" + vm + "'; change its saved definition instead (it takes effect at the next start).";
    }

    private static Element deviceAt(Element root, int index) {
        Element devices = Xml.child(root, "devices");
        List<Element> all = new ArrayList<>();
        for (Node n = devices == null ? null : devices.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                all.add(e);
            }
        }
        return index < all.size() ? all.get(index) : null;
    }
}
