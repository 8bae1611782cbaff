package org.duovirt.xen.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.VmSpecValidator;

/**
 * Writes an {@link XlConfig} as xl.cfg text. Every string goes through {@link XlQuoting}; nothing from
 * the user is pasted raw. The result is meant to be checked on the host with {@code xl -N create}.
 * Duovirt's own data (which images it created) lives in {@code # duovirt-…} comment lines xl ignores.
 */
public final class XlConfigWriter {
    /** Comment key marking an image Duovirt created for this VM. */
    public static final String OWNED_IMAGE = "# duovirt-owned-image = ";
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern MAC = Pattern.compile("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$");
    private static final Pattern VDEV = Pattern.compile("^[a-z]{2,4}[a-z0-9]*$");
    private static final Pattern BRIDGE_BAD = Pattern.compile("[\\s,=/]");

    private XlConfigWriter() {
    }

    /** @throws InvalidSpecException naming the field that cannot be written */
    public static String write(XlConfig c) {
        String nameProblem = VmSpecValidator.nameProblem(c.name());
        if (nameProblem != null) {
            throw new InvalidSpecException(nameProblem);
        }
        String type = c.type().toLowerCase(Locale.ROOT);
        if (!List.of("pv", "pvh", "hvm").contains(type)) {
            throw new InvalidSpecException("The type '" + c.type() + "' is not one of pv, pvh, hvm.");
        }
        StringBuilder out = new StringBuilder();
        out.append("# Written by Duovirt. Duovirt rewrites this file (pinning, vCPUs, memory); keep edits to what it writes.\n");
        for (XlDisk disk : c.disks()) {
            if (disk.owned()) {
                out.append(OWNED_IMAGE).append(XlQuoting.quote("disk image path", disk.target())).append('\n');
            }
        }
        line(out, "name", XlQuoting.quote("name", c.name()));
        if (c.uuid() != null) {
            if (!UUID.matcher(c.uuid()).matches()) {
                throw new InvalidSpecException("The UUID '" + c.uuid() + "' is not like 5a0c8a52-0f1b-4d55-9c3e-8e3d5c2b7f11.");
            }
            line(out, "uuid", "\"" + c.uuid() + "\"");
        }
        line(out, "type", XlQuoting.quote("type", type));
        line(out, "memory", Long.toString(positive("memory", c.memoryMiB())));
        line(out, "maxmem", Long.toString(Math.max(c.memoryMiB(), c.maxMemoryMiB())));
        line(out, "vcpus", Integer.toString((int) positive("vCPU count", c.vcpus())));
        line(out, "maxvcpus", Integer.toString(Math.max(c.vcpus(), c.maxVcpus())));
        if (!c.cpus().isEmpty()) {
            line(out, "cpus", cpuList("cpus", c.cpus()));
        }
        if (!c.cpusSoft().isEmpty()) {
            line(out, "cpus_soft", cpuList("cpus_soft", c.cpusSoft()));
        }
        optional(out, "pool", "cpupool name", c.pool());
        optional(out, "kernel", "kernel path", c.kernel());
        optional(out, "ramdisk", "initrd path", c.ramdisk());
        optional(out, "cmdline", "kernel command line", c.cmdline());
        optional(out, "bootloader", "bootloader", c.bootloader());
        if (type.equals("hvm")) {
            if (c.isoBoot()) {
                line(out, "boot", "\"dc\"");
            }
            if (c.uefi()) {
                line(out, "bios", "\"ovmf\"");
            }
            line(out, "serial", "\"pty\"");
        }
        List<String> disks = new ArrayList<>();
        for (XlDisk disk : c.disks()) {
            disks.add(XlQuoting.quote("disk path", diskSpec(disk)));
        }
        if (!disks.isEmpty()) {
            line(out, "disk", "[ " + String.join(", ", disks) + " ]");
        }
        List<String> vifs = new ArrayList<>();
        for (XlVif vif : c.vifs()) {
            vifs.add(XlQuoting.quote("bridge", vifSpec(vif)));
        }
        if (!vifs.isEmpty()) {
            line(out, "vif", "[ " + String.join(", ", vifs) + " ]");
        }
        if (c.vnc()) {
            if (type.equals("hvm")) {
                line(out, "vnc", "1");
                line(out, "vnclisten", "\"127.0.0.1\"");
            } else {
                line(out, "vfb", "[ \"vnc=1,vnclisten=127.0.0.1\" ]");
            }
        }
        line(out, "on_poweroff", "\"destroy\"");
        line(out, "on_reboot", "\"restart\"");
        line(out, "on_crash", "\"destroy\"");
        return out.toString();
    }

    static String diskSpec(XlDisk disk) {
        if (!VDEV.matcher(disk.vdev()).matches()) {
            throw new InvalidSpecException("The disk device name '" + disk.vdev() + "' is not like xvda or hdc.");
        }
        String format = disk.format() == null ? "raw" : disk.format();
        if (!format.matches("[a-z0-9]+")) {
            throw new InvalidSpecException("The disk format '" + format + "' is not a format name like raw or qcow2.");
        }
        return "format=" + format + ",vdev=" + disk.vdev() + ",access=" + (disk.readOnly() ? "ro" : "rw")
                + (disk.cdrom() ? ",devtype=cdrom" : "") + ",target=" + XlQuoting.specValue("disk path", disk.target(), true);
    }

    static String vifSpec(XlVif vif) {
        String bridge = XlQuoting.specValue("bridge name", vif.bridge(), false);
        if (bridge.isEmpty() || BRIDGE_BAD.matcher(bridge).find() || bridge.length() > 15) {
            throw new InvalidSpecException("The bridge name '" + bridge + "' is not a valid Linux interface name.");
        }
        if (vif.mac() != null && !MAC.matcher(vif.mac()).matches()) {
            throw new InvalidSpecException("The MAC address '" + vif.mac() + "' is not like 00:16:3e:12:34:56.");
        }
        return "bridge=" + bridge + (vif.mac() == null ? "" : ",mac=" + vif.mac());
    }

    /**
     * The pinning lines {@link #write} puts in a cfg for these per-vCPU lists (an empty list writes no line):
     * what a pin plan's preview shows.
     */
    public static String pinningLines(List<CpuSet> hard, List<CpuSet> soft) {
        StringBuilder out = new StringBuilder();
        if (!hard.isEmpty()) {
            line(out, "cpus", cpuList("cpus", hard));
        }
        if (!soft.isEmpty()) {
            line(out, "cpus_soft", cpuList("cpus_soft", soft));
        }
        return out.toString();
    }

    private static String cpuList(String field, List<CpuSet> perVcpu) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < perVcpu.size(); i++) {
            CpuSet set = perVcpu.get(i);
            if (set == null || set.isEmpty()) {
                throw new InvalidSpecException("The " + field + " of vCPU " + i + " is empty: a vCPU needs at least one CPU.");
            }
            items.add("\"" + set + "\"");
        }
        return "[ " + String.join(", ", items) + " ]";
    }

    private static long positive(String field, long value) {
        if (value < 1) {
            throw new InvalidSpecException("The " + field + " must be at least 1; it is " + value + ".");
        }
        return value;
    }

    private static void optional(StringBuilder out, String key, String field, String value) {
        if (value != null && !value.isEmpty()) {
            line(out, key, XlQuoting.quote(field, value));
        }
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(value).append('\n');
    }
}
