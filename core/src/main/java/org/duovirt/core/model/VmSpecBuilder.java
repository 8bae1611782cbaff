package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.limits.Bounds;

/**
 * Builds a {@link VmSpec} from loose choices (CLI options, wizard fields) with the rules that tie them
 * together: one boot source, a disk made or imported but not both, an initrd only with a kernel. The CLI's
 * {@code create} and the wizard both build through here, so they refuse the same things in the same words.
 * Every problem is collected; {@link #build()} reports them all at once.
 */
public final class VmSpecBuilder {
    private String name;
    private long memoryMiB;
    private int vcpus = 1;
    private Double diskGiB;
    private String pool;
    private String importPath;
    private String kernel;
    private String initrd;
    private String cmdline;
    private String iso;
    private String bootloader;
    private String network;
    private String mode;
    private VmSpec.Firmware firmware = VmSpec.Firmware.BIOS;
    private String osVariant;
    private String machine;
    private final List<String> pins = new ArrayList<>();
    private boolean overcommitDisk;
    private String diskFormat;
    private String cpuModel;
    private boolean networkBoot;
    private String definition;
    private String cloudImage;
    private String nicModel;
    private String mac;
    private org.duovirt.core.cloudinit.CloudInitConfig cloudInit;
    private Boolean framebuffer;

    public VmSpecBuilder name(String value) { name = value; return this; }

    public VmSpecBuilder memoryMiB(long value) { memoryMiB = value; return this; }

    public VmSpecBuilder vcpus(int value) { vcpus = value; return this; }

    /** A new disk of this size (null: none) in {@code poolName} (null: the host's default place). */
    public VmSpecBuilder newDisk(Double sizeGiB, String poolName) { diskGiB = sizeGiB; pool = blankToNull(poolName); return this; }
    /** Creates the sparse new disk even when it is larger than its whole pool (the user insists). */
    public VmSpecBuilder overcommitDisk(boolean insist) { overcommitDisk = insist; return this; }

    /** The new disk's format: qcow2 (null: the default) or raw. */
    public VmSpecBuilder diskFormat(String format) { diskFormat = blankToNull(format); return this; }

    public VmSpecBuilder importDisk(String path) { importPath = blankToNull(path); return this; }

    /**
     * A cloud image as the base of the new disk, first booted with this cloud-init configuration; the disk's
     * size and pool come from {@link #newDisk} (a null size: the image's own).
     */
    public VmSpecBuilder cloudImage(String path, org.duovirt.core.cloudinit.CloudInitConfig config) {
        cloudImage = blankToNull(path);
        cloudInit = config;
        return this;
    }

    public VmSpecBuilder kernel(String kernelPath, String initrdPath, String commandLine) {
        kernel = blankToNull(kernelPath);
        initrd = blankToNull(initrdPath);
        cmdline = blankToNull(commandLine);
        return this;
    }

    /** The user's edit of the previewed definition, defined instead of the generated one; null: the generated one. */
    public VmSpecBuilder definition(String edited) { definition = blankToNull(edited); return this; }

    /** Network boot (PXE) from the VM's network first. */
    public VmSpecBuilder networkBoot(boolean value) { networkBoot = value; return this; }

    public VmSpecBuilder iso(String path) { iso = blankToNull(path); return this; }

    public VmSpecBuilder bootloader(String value) { bootloader = blankToNull(value); return this; }

    public VmSpecBuilder network(String value) { network = blankToNull(value); return this; }

    /** The NIC's model (virtio, e1000, rtl8139; null: the host's default) and MAC address (null: generated). */
    public VmSpecBuilder nic(String model, String macAddress) { nicModel = blankToNull(model); mac = blankToNull(macAddress); return this; }

    /** kvm, qemu, pv, pvh or hvm; null lets the backend choose. */
    public VmSpecBuilder mode(String value) { mode = blankToNull(value); return this; }

    public VmSpecBuilder firmware(VmSpec.Firmware value) { firmware = value == null ? VmSpec.Firmware.BIOS : value; return this; }

    public VmSpecBuilder osVariant(String value) { osVariant = blankToNull(value); return this; }

    public VmSpecBuilder machine(String value) { machine = blankToNull(value); return this; }

    /** host-passthrough, host-model or a named CPU model (KVM); null: the backend's default. */
    public VmSpecBuilder cpuModel(String value) { cpuModel = blankToNull(value); return this; }

    /** Xen: a graphical console (true), none (false) or the backend's default (null); see {@link VmSpec#framebuffer()}. */
    public VmSpecBuilder framebuffer(Boolean value) { framebuffer = value; return this; }

    /** One initial pin, written VCPU=CPUS (e.g. 0=2-3). */
    public VmSpecBuilder pin(String vcpuEqualsCpus) { pins.add(vcpuEqualsCpus); return this; }

    /** Every problem of the choices: the rules between them, then {@link VmSpecValidator}'s. */
    public List<SpecProblem> problems() {
        List<SpecProblem> problems = new ArrayList<>(ruleProblems());
        VmSpec spec = specOrNull(problems);
        if (spec != null) {
            problems.addAll(VmSpecValidator.check(spec));
        }
        return problems;
    }

    /** @throws InvalidSpecException with every problem when there is any */
    public VmSpec build() {
        List<SpecProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(SpecProblem.messages(problems));
        }
        return specOrNull(new ArrayList<>());
    }

    private List<SpecProblem> ruleProblems() {
        List<SpecProblem> problems = new ArrayList<>();
        if (diskGiB != null && importPath != null) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Give either a new disk or an existing one to import, not both."));
        }
        if (cloudImage != null && importPath != null) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Give either a cloud image or an existing disk to import, not both."));
        }
        if (diskFormat != null && diskGiB == null) {
            problems.add(new SpecProblem(SpecField.STORAGE, "A disk format is chosen for a new disk only (--disk)."));
        }
        if (cloudImage == null && cloudInit != null) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Cloud-init settings need a cloud image (--cloud-image)."));
        }
        if (Stream.of(kernel, iso, bootloader, networkBoot ? "pxe" : null).filter(s -> s != null).count() > 1) {
            problems.add(new SpecProblem(SpecField.BOOT, "Give only one boot source: a kernel, an ISO, a bootloader or the network."));
        }
        if (kernel == null && (initrd != null || cmdline != null)) {
            problems.add(new SpecProblem(SpecField.BOOT, "An initrd or a kernel command line needs a kernel."));
        }
        return problems;
    }

    private VmSpec specOrNull(List<SpecProblem> problems) {
        VirtMode virtMode = null;
        if (mode != null) {
            try {
                virtMode = VirtMode.fromCliName(mode);
            } catch (IllegalArgumentException e) {
                problems.add(new SpecProblem(SpecField.MODE, e.getMessage()));
            }
        }
        List<CpuSet> pinList = pinList(problems);
        if (name == null) {
            problems.add(new SpecProblem(SpecField.NAME, "The VM needs a name."));
            return null;
        }
        VmSpec.Storage storage = cloudImage != null ? new VmSpec.Storage.CloudImage(cloudImage, pool, diskGiB,
                cloudInit != null ? cloudInit : new org.duovirt.core.cloudinit.CloudInitConfig(null, null, null, null, null))
                : diskGiB != null ? new VmSpec.Storage.NewDisk(diskGiB, pool, overcommitDisk, diskFormat)
                : importPath != null ? new VmSpec.Storage.ImportDisk(importPath) : new VmSpec.Storage.None();
        VmSpec.Boot boot = kernel != null ? new VmSpec.Boot.Kernel(kernel, initrd, cmdline)
                : iso != null ? new VmSpec.Boot.Iso(iso)
                : bootloader != null ? new VmSpec.Boot.Bootloader(bootloader)
                : networkBoot ? new VmSpec.Boot.Network() : new VmSpec.Boot.None();
        return new VmSpec(name, memoryMiB, vcpus, storage, boot, network, virtMode, firmware, pinList, osVariant, machine,
                new VmSpec.Nic(nicModel, mac), cpuModel, definition, framebuffer);
    }

    private List<CpuSet> pinList(List<SpecProblem> problems) {
        List<CpuSet> list = new ArrayList<>();
        // The list grows to the highest pinned vCPU: bound the count before it can grow with a typo.
        if (!pins.isEmpty() && Bounds.vcpus(vcpus, Bounds.ABSOLUTE_MAX_VCPUS) != null) {
            return list;
        }
        for (String pin : pins) {
            int eq = pin.indexOf('=');
            if (eq < 1) {
                problems.add(new SpecProblem(SpecField.PINNING, "Bad pin '" + pin + "': write VCPU=CPUS, e.g. 0=2-3."));
                continue;
            }
            int vcpu;
            try {
                vcpu = Integer.parseInt(pin.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                problems.add(new SpecProblem(SpecField.PINNING, "Bad pin '" + pin + "': the vCPU must be a number."));
                continue;
            }
            if (vcpu < 0 || vcpu >= vcpus) {
                problems.add(new SpecProblem(SpecField.PINNING, "Bad pin '" + pin + "': the VM has vCPUs 0-" + (vcpus - 1) + "."));
                continue;
            }
            try {
                CpuSet cpus = CpuSet.parse(pin.substring(eq + 1));
                while (list.size() <= vcpu) {
                    list.add(null);
                }
                list.set(vcpu, cpus);
            } catch (RuntimeException e) {
                problems.add(new SpecProblem(SpecField.PINNING, "Bad pin '" + pin + "': " + e.getMessage()));
            }
        }
        return list;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
