package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A VM's hardware as its definition states it: the devices, the boot settings and the CPU and memory
 * figures the details pages show beside the editable counts.
 *
 * @param bootOrder    the firmware's order; empty when the definition boots a kernel directly or does not say
 * @param kernel       direct kernel boot: the kernel path, or null
 * @param cpuModel     the CPU model or mode (host-passthrough …), or null
 * @param topology     "sockets × cores × threads" as the definition gives it, or null
 * @param maxMemoryMiB the memory the VM may grow to, 0 when unknown
 */
public record VmHardware(List<HardwareItem> items, List<BootDevice> bootOrder, String kernel, String initrd,
                         String cmdline, String cpuModel, String topology, long maxMemoryMiB) {
    public VmHardware {
        items = List.copyOf(items);
        bootOrder = List.copyOf(bootOrder);
    }

    /**
     * The hardware every backend can tell from {@link VmDetails} alone: disks, NICs and consoles. Backends
     * that read a fuller definition (libvirt's domain XML) give more.
     */
    public static VmHardware of(VmDetails details) {
        List<HardwareItem> items = new ArrayList<>();
        for (DiskInfo d : details.disks()) {
            items.add(new HardwareItem(HardwareItem.Kind.DISK, d.target(), settings("device", d.device(), "source", d.source(),
                    "format", d.format(), "target", d.target(), "readonly", d.readOnly() ? "yes" : null)));
        }
        for (NicInfo n : details.nics()) {
            items.add(new HardwareItem(HardwareItem.Kind.NIC, n.mac(), settings("mac", n.mac(), "network", n.network(), "model", n.model())));
        }
        int i = 0;
        for (ConsoleInfo c : details.consoles()) {
            HardwareItem.Kind kind = switch (c.kind()) {
                case VNC, SPICE -> HardwareItem.Kind.GRAPHICS;
                case SERIAL -> HardwareItem.Kind.SERIAL;
                case PV_CONSOLE -> HardwareItem.Kind.CONSOLE;
            };
            items.add(new HardwareItem(kind, kind.name().toLowerCase(java.util.Locale.ROOT) + i++,
                    settings("type", c.kind().name().toLowerCase(java.util.Locale.ROOT), "detail", c.detail())));
        }
        long max = details.summary().maxMemoryKiB() / 1024;
        return new VmHardware(items, List.of(), null, null, null, null, null, max);
    }

    /** Key/value pairs from alternating arguments; pairs whose value is null or blank are left out. */
    public static List<HardwareItem.Setting> settings(String... keyValues) {
        List<HardwareItem.Setting> out = new ArrayList<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null && !keyValues[i + 1].isBlank()) {
                out.add(new HardwareItem.Setting(keyValues[i], keyValues[i + 1]));
            }
        }
        return out;
    }
}
