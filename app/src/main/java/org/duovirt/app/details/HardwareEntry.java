package org.duovirt.app.details;

import java.util.Locale;
import org.duovirt.app.Messages;
import org.duovirt.core.model.HardwareItem;

/**
 * One line of the hardware list: a fixed page (overview, boot options, CPUs, memory, add hardware) or a
 * device from the VM's definition.
 *
 * @param item the device, null for the fixed pages
 */
public record HardwareEntry(Page page, String id, HardwareItem item) {
    /** Which page the entry opens. */
    public enum Page { OVERVIEW, BOOT, CPUS, MEMORY, DEVICE }

    static HardwareEntry fixed(Page page) {
        return new HardwareEntry(page, page.name().toLowerCase(Locale.ROOT), null);
    }

    static HardwareEntry device(HardwareItem item) {
        return new HardwareEntry(Page.DEVICE, item.kind().name().toLowerCase(Locale.ROOT) + ":" + item.id(), item);
    }

    /** The line's text, as virt-manager words it: "VirtIO Disk 1" there, "Disk vda" here. */
    public String title() {
        if (item == null) {
            return Messages.get("hw.page." + id);
        }
        return switch (item.kind()) {
            case DISK -> Messages.get("cdrom".equals(item.value("device")) ? "hw.title.cdrom" : "hw.title.disk", item.id());
            case NIC -> Messages.get("hw.title.nic", item.id() == null ? "" : item.id().substring(Math.max(0, item.id().length() - 8)));
            case USB_HOST, PCI_HOST -> item.value("hostdev") == null ? Messages.get("hw.kind." + item.kind().name().toLowerCase(Locale.ROOT))
                    : Messages.get("hw.kind." + item.kind().name().toLowerCase(Locale.ROOT)) + " " + item.value("hostdev");
            case OTHER -> Messages.get("hw.title.other", item.value("element") == null ? item.id() : item.value("element"));
            default -> {
                String detail = item.value("model") != null ? item.value("model") : item.value("type");
                String kind = Messages.get("hw.kind." + item.kind().name().toLowerCase(Locale.ROOT));
                yield detail == null ? kind : kind + " (" + detail + ")";
            }
        };
    }

    /** The icon name for the list: one per kind of page. */
    public String icon() {
        return item == null ? id : item.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The label for a setting key; keys the bundle does not know are shown as they are. */
    public static String settingLabel(String key) {
        String text = Messages.get("hw.key." + key);
        return text.startsWith("!") ? key : text;
    }

    /**
     * A setting's value as its page shows it. A graphics password is only ever known as "set" (the backend never
     * hands its value on) and is shown masked; yes/no words are translated.
     */
    public static String settingValue(String key, String value) {
        if ("password".equals(key)) {
            return Messages.get("hw.value.password-set");
        }
        if ("yes".equals(value) || "no".equals(value)) {
            return Messages.get("hw.value." + value);
        }
        return value;
    }
}
