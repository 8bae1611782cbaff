package org.duovirt.kvm;

import com.sun.jna.Pointer;
import org.duovirt.core.error.InvalidSpecException;
import org.w3c.dom.Element;

/**
 * The definition editor's two halves: the saved domain XML (with secrets, as {@code virsh edit} shows it) and
 * its replacement, validated by libvirt against its schema (VIR_DOMAIN_DEFINE_VALIDATE) before anything changes.
 */
final class DefinitionEditor {
    private static final int DEFINE_VALIDATE = 1;
    private final Domains domains;

    DefinitionEditor(Domains domains) {
        this.domains = domains;
    }

    String editable(String vm) {
        return domains.with(vm, "Reading the definition of VM '" + vm + "'", Domains::savedWithSecrets);
    }

    void redefine(String vm, String xml) {
        String what = "Applying the edited definition of VM '" + vm + "'";
        domains.run(vm, what, d -> {
            Element edited;
            try {
                edited = Xml.parse(xml);
            } catch (RuntimeException e) {
                throw new InvalidSpecException(what + " failed: the text is not well-formed XML ("
                        + e.getMessage().replaceAll("\\s+", " ") + "); nothing was changed.");
            }
            String name = Xml.text(Xml.child(edited, "name"));
            if (!vm.equals(name)) {
                throw new InvalidSpecException(what + " failed: the name must stay '" + vm + "' (rename is not an edit); nothing was changed.");
            }
            String uuid = Xml.text(Xml.child(edited, "uuid"));
            if (uuid != null && !uuid.equalsIgnoreCase(d.getUUIDString())) {
                throw new InvalidSpecException(what + " failed: the UUID must stay " + d.getUUIDString() + "; nothing was changed.");
            }
            Pointer defined = LibvirtNative.INSTANCE.virDomainDefineXMLFlags(domains.connect().pointer(), xml, DEFINE_VALIDATE);
            if (defined == null) {
                org.duovirt.core.error.DuovirtException e = NativeHandles.lastError(what);
                throw new org.duovirt.core.error.DuovirtException(e.getMessage().replaceAll("\\.$", "") + "; nothing was changed.",
                        e.hint(), e.details(), e);
            }
            LibvirtNative.INSTANCE.virDomainFree(defined);
        });
    }
}
