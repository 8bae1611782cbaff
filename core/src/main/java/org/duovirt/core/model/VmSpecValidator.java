package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.text.Printable;

/**
 * Checks a {@link VmSpec} for what can be told without a host. Backends call it first, so the CLI
 * and the wizard reject the same things with the same words.
 */
public final class VmSpecValidator {
    /** Longest name libvirt and xl both accept without surprises in file names. */
    public static final int MAX_NAME_LENGTH = 64;

    private VmSpecValidator() {
    }

    /** @return the problems, each one sentence; empty when the spec is fine */
    public static List<String> problems(VmSpec spec) {
        return SpecProblem.messages(check(spec));
    }

    /** @return every problem that can be told without a host, each with its field */
    public static List<SpecProblem> check(VmSpec spec) {
        List<SpecProblem> problems = new ArrayList<>();
        String nameProblem = nameProblem(spec.name());
        if (nameProblem != null) {
            problems.add(new SpecProblem(SpecField.NAME, nameProblem));
        }
        SpecProblem.addIfAny(problems, SpecField.MEMORY, Bounds.memory(spec.memoryMiB(), Long.MAX_VALUE));
        SpecProblem.addIfAny(problems, SpecField.VCPUS, Bounds.vcpus(spec.vcpus(), Bounds.ABSOLUTE_MAX_VCPUS));
        if (spec.storage() instanceof VmSpec.Storage.NewDisk disk) {
            SpecProblem.addIfAny(problems, SpecField.STORAGE, Bounds.diskSize(disk.sizeGiB()));
            if (disk.format() != null && !VmSpec.Storage.NewDisk.FORMATS.contains(disk.format())) {
                problems.add(new SpecProblem(SpecField.STORAGE, "The disk format '" + org.duovirt.core.text.Printable.line(disk.format())
                        + "' is not one Duovirt makes; use qcow2 or raw."));
            }
        }
        if (spec.storage() instanceof VmSpec.Storage.ImportDisk disk && (disk.path() == null || disk.path().isBlank())) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Choose the existing volume or give the path of the disk image."));
        }
        if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
            if (cloud.sizeGiB() != null) {
                SpecProblem.addIfAny(problems, SpecField.STORAGE, Bounds.diskSize(cloud.sizeGiB()));
            }
            for (String p : org.duovirt.core.cloudinit.CloudInitRules.problems(cloud.cloudInit())) {
                problems.add(new SpecProblem(SpecField.CLOUD_INIT, p));
            }
            if (!(spec.boot() instanceof VmSpec.Boot.None)) {
                problems.add(new SpecProblem(SpecField.BOOT, "A cloud image boots from its own disk; give no ISO, kernel or bootloader with it."));
            }
        }
        if (spec.boot() instanceof VmSpec.Boot.Network && spec.network() == null) {
            problems.add(new SpecProblem(SpecField.NETWORK, "Network boot (PXE) needs a network with DHCP for the VM's NIC."));
        }
        if (spec.vcpuPins().size() > spec.vcpus()) {
            problems.add(new SpecProblem(SpecField.PINNING,
                    "Pinning names " + spec.vcpuPins().size() + " vCPUs but the VM has " + spec.vcpus() + "."));
        }
        nicProblems(spec, problems);
        if (spec.machine() != null && !spec.machine().matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new SpecProblem(SpecField.MACHINE,
                    "The machine type may hold only letters, digits, '.', '_' and '-', e.g. q35 or pc."));
        }
        if (spec.cpuModel() != null && !spec.cpuModel().matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new SpecProblem(SpecField.CPU_MODEL, "The CPU model '" + org.duovirt.core.text.Printable.line(spec.cpuModel())
                    + "' may hold only letters, digits, '.', '_' and '-', e.g. host-model or qemu64."));
        }
        if (spec.osVariant() != null && !spec.osVariant().matches("[A-Za-z0-9._+-]{1,64}|https?://[A-Za-z0-9./_+-]{1,200}")) {
            problems.add(new SpecProblem(SpecField.OS, "The OS id '" + spec.osVariant()
                    + "' is not an osinfo short id such as debian12; see duovirt os-presets."));
        }
        return problems;
    }


    private static void nicProblems(VmSpec spec, List<SpecProblem> problems) {
        VmSpec.Nic nic = spec.nic();
        if (nic.model() != null && !VmSpec.Nic.MODELS.contains(nic.model())) {
            problems.add(new SpecProblem(SpecField.NIC, "The NIC model '" + nic.model() + "' is not one of "
                    + String.join(", ", VmSpec.Nic.MODELS) + "."));
        }
        String mac = macProblem(nic.mac());
        if (mac != null) {
            problems.add(new SpecProblem(SpecField.NIC, mac));
        }
        if ((nic.model() != null || nic.mac() != null) && spec.network() == null) {
            problems.add(new SpecProblem(SpecField.NIC, "A NIC model or MAC address needs a network to put the NIC on."));
        }
    }

    /**
     * A MAC address the VM may use: six hex pairs separated by ':', unicast (the lowest bit of the first octet
     * clear) and not all zeros; locally administered ones (second-lowest bit set) are fine.
     *
     * @return why it cannot be used, or null (also for null: the host generates one)
     */
    public static String macProblem(String mac) {
        if (mac == null) {
            return null;
        }
        if (!mac.matches("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}")) {
            return "The MAC address '" + mac + "' is not six hex pairs separated by ':', e.g. 52:54:00:12:34:56.";
        }
        int first = Integer.parseInt(mac.substring(0, 2), 16);
        if ((first & 1) != 0) {
            return "The MAC address '" + mac + "' is a multicast address; a NIC needs a unicast one (an even first octet, e.g. 52:…).";
        }
        if (mac.equals("00:00:00:00:00:00")) {
            return "The MAC address 00:00:00:00:00:00 is not usable; leave it empty to have one generated.";
        }
        return null;
    }

    /**
     * A VM name may hold any printable character, quotes and unicode included (writers escape them),
     * but no control, format, line or paragraph separator character (Unicode Cc, Cf, Zl, Zp) and no
     * slash: names end up in file names, terminals and log lines.
     *
     * @return why the name cannot be used, or null when it can
     */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "The VM needs a name.";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "The name is " + name.length() + " characters long; use at most " + MAX_NAME_LENGTH + ".";
        }
        if (!name.equals(name.strip())) {
            return "The name must not start or end with a space.";
        }
        int hostile = Printable.firstHostile(name);
        if (hostile >= 0 && Character.getType(hostile) == Character.CONTROL) {
            return "The name must not contain control characters such as a newline or a tab.";
        }
        if (hostile >= 0) {
            // Bidi overrides reverse what follows them in every listing; separators fake a second line.
            return "The name must not contain invisible format or separator characters such as "
                    + String.format(java.util.Locale.ROOT, "U+%04X", hostile) + ".";
        }
        if (name.contains("/")) {
            return "The name must not contain '/'.";
        }
        if (name.startsWith(".") || name.startsWith("-")) {
            return "The name must not start with '.' or '-'.";
        }
        return null;
    }
}
