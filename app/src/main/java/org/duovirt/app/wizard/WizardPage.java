package org.duovirt.app.wizard;

import java.util.EnumSet;
import java.util.Set;
import org.duovirt.core.model.SpecField;

/** The wizard's pages in order, each with the spec fields whose problems it shows. */
public enum WizardPage {
    SOURCE(EnumSet.of(SpecField.NAME, SpecField.BOOT, SpecField.OS, SpecField.CLOUD_INIT)),
    RESOURCES(EnumSet.of(SpecField.MEMORY, SpecField.VCPUS, SpecField.PINNING)),
    STORAGE(EnumSet.of(SpecField.STORAGE)),
    NETWORK(EnumSet.of(SpecField.NETWORK, SpecField.NIC)),
    PLATFORM(EnumSet.of(SpecField.MODE, SpecField.FIRMWARE, SpecField.MACHINE, SpecField.CPU_MODEL,
            SpecField.FRAMEBUFFER)),
    SUMMARY(EnumSet.of(SpecField.DEFINITION));

    private final Set<SpecField> fields;

    WizardPage(Set<SpecField> fields) {
        this.fields = fields;
    }

    public Set<SpecField> fields() {
        return fields;
    }

    public String messageKey() {
        return "wizard.page." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
