package org.duovirt.kvm;

import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.model.VmTexts;

/**
 * The overview page's two writable facts: the name (virDomainRename, which libvirt allows on a shut-off VM
 * only) and the description (virDomainSetMetadata; libvirt escapes the text itself, nothing is pasted into XML).
 */
final class OverviewOps {
    /** VIR_DOMAIN_METADATA_DESCRIPTION. */
    private static final int METADATA_DESCRIPTION = 0;
    private final Domains domains;

    OverviewOps(Domains domains) {
        this.domains = domains;
    }

    void rename(String vm, String newName) {
        String problem = VmSpecValidator.nameProblem(newName);
        if (problem != null) {
            throw new DuovirtException("VM '" + vm + "' cannot be renamed: " + problem, "Choose another name.");
        }
        if (newName.equals(vm)) {
            return;
        }
        String what = "Renaming VM '" + vm + "' to '" + newName + "'";
        domains.run(vm, what, d -> {
            if (d.isActive() == 1) {
                throw new DuovirtException("VM '" + vm + "' is running and libvirt renames only shut-off VMs.",
                        "Shut the VM down, then rename it.");
            }
            if (domains.exists(newName)) {
                throw new DuovirtException("VM '" + vm + "' cannot be renamed: a VM named '" + newName
                        + "' already exists on this host.", "Choose another name.");
            }
            if (LibvirtNative.INSTANCE.virDomainRename(NativeHandles.of(d), newName, 0) < 0) {
                throw NativeHandles.lastError(what);
            }
        });
    }

    String description(String vm) {
        String text = Xml.text(Xml.child(Xml.parse(domains.xml(vm, StorageOwnership.XML_INACTIVE)), "description"));
        return text == null ? "" : text;
    }

    void setDescription(String vm, String description) {
        String text = description == null ? "" : description;
        String problem = VmTexts.descriptionProblem(text);
        if (problem != null) {
            throw new DuovirtException("The description of VM '" + vm + "' cannot be saved: " + problem, "Change the text.");
        }
        domains.run(vm, "Saving the description of VM '" + vm + "'", d -> {
            int flags = LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG | (d.isActive() == 1 ? LibvirtNative.VIR_DOMAIN_AFFECT_LIVE : 0);
            // An empty text removes the element (libvirt treats "" and NULL alike here).
            d.setMetadata(METADATA_DESCRIPTION, text.isEmpty() ? null : text, null, null, flags);
        });
    }
}
