package org.duovirt.core.model;

import java.util.List;

/**
 * One entry of a VM's hardware list (a disk, a NIC, the display …) with its settings as the hypervisor's
 * definition states them, in display order. Secrets (graphics passwords) are never among the settings.
 *
 * @param kind     what sort of device it is
 * @param id       what names it within the VM: a disk's guest device (vda), a NIC's MAC, or kind + index
 * @param settings key/value pairs; keys are short stable words (source, bus, model …) the UI translates
 */
public record HardwareItem(Kind kind, String id, List<Setting> settings) {
    public HardwareItem {
        settings = List.copyOf(settings);
    }

    /** The device kinds, in the order a hardware list shows them. */
    public enum Kind { DISK, NIC, GRAPHICS, SERIAL, CONSOLE, VIDEO, SOUND, RNG, TPM, INPUT, USB_HOST, PCI_HOST, CONTROLLER, OTHER }

    /** One setting: a stable key and its value as text. */
    public record Setting(String key, String value) {
    }

    /** The value of {@code key}, or null when the definition does not say. */
    public String value(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(Setting::value).findFirst().orElse(null);
    }
}
