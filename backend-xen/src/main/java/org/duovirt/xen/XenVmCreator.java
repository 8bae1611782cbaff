package org.duovirt.xen;

import java.util.ArrayList;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Limit;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.Units;
import org.duovirt.core.limits.VmLimits;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.xen.config.XlVif;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlListJsonParser;

/**
 * Creates (defines) a VM: checks the spec against the host, makes the disk image, writes the owned
 * config and has xl check it with {@code xl -N create}. The VM is not started. Each step that makes
 * something pushes its undo; a failure (or a cancel) runs the undos in reverse before it throws.
 */
final class XenVmCreator {
    private final XenDomains domains;
    private final Set<VirtMode> hostModes;
    private final boolean deviceModel;
    private final List<String> bridges;
    private final XenLimits limits;
    private final boolean emulatedCpu;

    /** For the host-independent decisions (mode choice, the read-back check): no host limits. */
    XenVmCreator(XenDomains domains, Set<VirtMode> hostModes, boolean deviceModel, List<String> bridges) {
        this(domains, hostModes, deviceModel, bridges, null);
    }

    XenVmCreator(XenDomains domains, Set<VirtMode> hostModes, boolean deviceModel, List<String> bridges, XenLimits limits) {
        this(domains, hostModes, deviceModel, bridges, limits, false);
    }

    /** @param emulatedCpu the host runs on QEMU's TCG (HostInfo#emulatedCpu): the reason HVM is missing from hostModes */
    XenVmCreator(XenDomains domains, Set<VirtMode> hostModes, boolean deviceModel, List<String> bridges, XenLimits limits,
                 boolean emulatedCpu) {
        this.emulatedCpu = emulatedCpu;
        this.limits = limits;
        this.domains = domains;
        this.hostModes = hostModes;
        this.deviceModel = deviceModel;
        this.bridges = bridges;
    }

    VmSummary create(VmSpec spec, ProgressListener progress) {
        List<SpecProblem> problems = check(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(SpecProblem.messages(problems));
        }
        VirtMode mode = chooseMode(spec);
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            progress.progress("Checking the host", 0.1);
            Made made = new Made(null, "raw", null);
            if (spec.storage() instanceof VmSpec.Storage.NewDisk disk) {
                progress.progress("Creating the disk image", 0.3);
                long bytes = Units.gibToBytes(disk.sizeGiB());
                checkRoom(disk, bytes, progress);
                made = new Made(newImage(spec.name(), bytes, undo), "raw", null);
            } else if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
                made = cloudDisk(spec.name(), cloud, progress, undo);
            }
            List<XlDisk> disks = disks(spec, mode, made, importedFormat(spec));
            cancelled(progress);
            XlConfig config = config(spec, mode, disks);
            String text = XlConfigWriter.write(config);
            progress.progress("Writing the config", 0.6);
            String path = domains.store().configPath(spec.name());
            domains.store().write(spec.name(), text);
            undo.push(() -> domains.store().remove(path));
            progress.progress("Checking the config with xl", 0.8);
            String parsed;
            try {
                parsed = domains.xl().xl("check the config of '" + spec.name() + "'", null, "-N", "create", path);
            } catch (HostUnreachableException e) {
                throw e;
            } catch (DuovirtException e) {
                // xl refused what was asked for (a name or path it cannot take): the spec, not the host, is at fault.
                InvalidSpecException refused = new InvalidSpecException("xl refused the config of the new VM: "
                        + XlErrors.reason(e.details() == null ? "" : e.details(), "", -1) + ".");
                refused.addSuppressed(e);
                throw refused;
            }
            checkReadBack(spec.name(), config, parsed);
            cancelled(progress);
            progress.progress("Done", 1.0);
            return new VmSummary(spec.name(), config.uuid(), VmState.SHUTOFF, -1, spec.vcpus(), spec.vcpus(),
                    Units.mibToKiB(spec.memoryMiB()), Units.mibToKiB(spec.memoryMiB()));
        } catch (RuntimeException e) {
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** The dry run: every problem of the spec on this host, with its field; makes nothing. */
    List<SpecProblem> check(VmSpec spec) {
        List<SpecProblem> problems = new ArrayList<>(VmSpecValidator.check(spec));
        modeProblems(spec, chooseMode(spec), problems);
        hostProblems(spec, problems);
        return problems;
    }

    /** The xl cfg {@link #create} would write, with the image paths it would choose now. */
    String preview(VmSpec spec) {
        VirtMode mode = mode(spec);
        // the image directory is asked for only when the VM gets a disk of its own there
        boolean ownDisk = spec.storage() instanceof VmSpec.Storage.NewDisk || spec.storage() instanceof VmSpec.Storage.CloudImage;
        String base = ownDisk ? new XenImageFiles(domains).base(spec.name()) : null;
        Made made = new Made(spec.storage() instanceof VmSpec.Storage.NewDisk ? base + ".img" : null, "raw", null);
        if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
            String format = new XenCloudImage(domains, deviceModel).probe(cloud.image()).format();
            made = "qcow2".equals(format) ? new Made(base + ".qcow2", "qcow2", base + "-cidata.iso")
                    : new Made(base + ".img", "raw", base + "-cidata.iso");
        }
        return XlConfigWriter.write(config(spec, mode, disks(spec, mode, made, importedFormat(spec))));
    }

    /** What the creation makes in the image directory: the VM's own disk (null: none) and its format, the seed (null: none). */
    private record Made(String disk, String diskFormat, String seed) {
    }

    /** The cloud image copied as the VM's disk, and its cloud-init seed beside it; each undone on failure. */
    private Made cloudDisk(String vm, VmSpec.Storage.CloudImage cloud, ProgressListener progress, Deque<Runnable> undo) {
        XenCloudImage images = new XenCloudImage(domains, deviceModel);
        XenCloudImage.Probe image = images.probe(cloud.image());
        if (image.format() == null) {
            throw new InvalidSpecException("The file '" + cloud.image() + "' is not a cloud image on " + domains.host() + ".");
        }
        progress.progress("Copying the cloud image", 0.2);
        long bytes = XenCloudImage.diskBytes(cloud, image);
        checkRoom(new VmSpec.Storage.NewDisk(bytes / (double) (1L << 30), null), bytes, progress);
        String disk = images.copyDisk(vm, cloud, image, undo);
        cancelled(progress);
        progress.progress("Building the cloud-init seed", 0.4);
        return new Made(disk, image.format(), images.placeSeed(vm, cloud, undo));
    }

    /** The existing disk's format as its header says (null without one); probed in dom0. */
    private String importedFormat(VmSpec spec) {
        return spec.storage() instanceof VmSpec.Storage.ImportDisk imported ? XenImageFormat.of(domains.xl(), imported.path()) : null;
    }

    private List<XlDisk> disks(VmSpec spec, VirtMode mode, Made made, String importedFormat) {
        List<XlDisk> disks = new ArrayList<>();
        String vdev = mode == VirtMode.HVM ? "hda" : "xvda";
        if (made.disk() != null) {
            disks.add(new XlDisk(made.disk(), vdev, made.diskFormat(), false, false, true));
        } else if (spec.storage() instanceof VmSpec.Storage.ImportDisk imported) {
            // Never owned: a delete with storage, or a failed creation, leaves a disk that existed before.
            disks.add(new XlDisk(imported.path(), vdev, importedFormat, false, false, false));
        }
        if (spec.boot() instanceof VmSpec.Boot.Iso iso) {
            disks.add(new XlDisk(iso.path(), "hdc", "raw", true, true, false));
        }
        if (made.seed() != null) {
            // The VM's own read-only CD-ROM: owned, so it goes with the VM.
            disks.add(new XlDisk(made.seed(), mode == VirtMode.HVM ? "hdd" : "xvdb", "raw", true, true, true));
        }
        return disks;
    }

    /** The mode the VM gets; package-private for tests. */
    VirtMode mode(VmSpec spec) {
        VirtMode mode = chooseMode(spec);
        List<SpecProblem> problems = new ArrayList<>();
        modeProblems(spec, mode, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.get(0).message());
        }
        return mode;
    }

    private static VirtMode chooseMode(VmSpec spec) {
        if (spec.mode() != null) {
            return spec.mode();
        }
        boolean wantsHvm = spec.boot() instanceof VmSpec.Boot.Iso || spec.firmware() == VmSpec.Firmware.UEFI;
        return wantsHvm ? VirtMode.HVM : VirtMode.PV;
    }

    private void modeProblems(VmSpec spec, VirtMode mode, List<SpecProblem> problems) {
        if (mode == VirtMode.KVM || mode == VirtMode.QEMU) {
            problems.add(new SpecProblem(SpecField.MODE, "A Xen host runs PV, PVH or HVM VMs, not " + mode.cliName() + "."));
            return;
        }
        if (!hostModes.contains(mode)) {
            problems.add(new SpecProblem(SpecField.MODE, "This Xen host cannot run " + mode.name() + " VMs: it offers only " + hostModes
                    + (mode == VirtMode.HVM && !deviceModel ? " (HVM needs qemu-system-xen in dom0)"
                            : mode == VirtMode.HVM && emulatedCpu ? " (Xen runs on QEMU's emulated CPU here, where HVM guests cannot run)"
                            : " (PVH and HVM need VMX or SVM, which Xen does not see)") + "."));
        }
        if (Boolean.TRUE.equals(spec.framebuffer()) && !deviceModel) {
            problems.add(new SpecProblem(SpecField.FRAMEBUFFER, "A graphical console needs qemu-system-xen in dom0, which this host"
                    + " lacks; install it there or create the VM without one."));
        } else if (Boolean.TRUE.equals(spec.framebuffer()) && mode == VirtMode.PVH) {
            problems.add(new SpecProblem(SpecField.FRAMEBUFFER, "A PVH VM gets no graphical console (it has no device model);"
                    + " choose PV or create it without one."));
        }
        if (spec.boot() instanceof VmSpec.Boot.Iso && mode != VirtMode.HVM) {
            problems.add(new SpecProblem(SpecField.BOOT,
                    "Booting from an ISO needs an HVM VM; " + mode.name() + " boots a kernel or pygrub."));
        }
        if (spec.machine() != null) {
            problems.add(new SpecProblem(SpecField.MACHINE, "A machine type such as q35 is a KVM choice; Xen picks its own."));
        }
        if (spec.firmware() == VmSpec.Firmware.UEFI && mode != VirtMode.HVM) {
            problems.add(new SpecProblem(SpecField.FIRMWARE, "UEFI firmware needs an HVM VM."));
        }
        if (spec.nic().model() != null) {
            problems.add(new SpecProblem(SpecField.NIC, "The NIC model is a KVM choice; Xen gives PV and PVH guests"
                    + " its paravirtual NIC (leave the model empty)."));
        }
        if (spec.boot() instanceof VmSpec.Boot.Network) {
            problems.add(new SpecProblem(SpecField.BOOT, "Network boot (PXE) is offered on KVM hosts only for now; on Xen boot a kernel,"
                    + " an ISO (HVM) or pygrub."));
        }
        if (spec.definition() != null) {
            problems.add(new SpecProblem(SpecField.DEFINITION, "Editing the xl config before creation is not offered on Xen hosts yet;"
                    + " create the VM, then edit its config."));
        }
        if (spec.cpuModel() != null) {
            problems.add(new SpecProblem(SpecField.CPU_MODEL, "The CPU model is a KVM choice; Xen gives its guests the host's CPU"
                    + " (leave the model empty)."));
        }
        if (spec.storage() instanceof VmSpec.Storage.NewDisk disk && "qcow2".equals(disk.format())) {
            problems.add(new SpecProblem(SpecField.STORAGE, "Duovirt makes new Xen disk images as raw files; choose raw (or no format)."));
        }
        if (spec.boot() instanceof VmSpec.Boot.None && mode != VirtMode.HVM && spec.storage() instanceof VmSpec.Storage.None) {
            problems.add(new SpecProblem(SpecField.BOOT, "A " + mode.name() + " VM without a disk needs a kernel to boot."));
        }
    }

    private void hostProblems(VmSpec spec, List<SpecProblem> problems) {
        // The host's bounds, where the host-free ones (already in the list) passed.
        VmLimits host = limits.limits();
        if (Bounds.memory(spec.memoryMiB(), Long.MAX_VALUE) == null) {
            SpecProblem.addIfAny(problems, SpecField.MEMORY, Bounds.memory(spec.memoryMiB(), host.hostMemoryMiB()));
        }
        if (Bounds.vcpus(spec.vcpus(), Bounds.ABSOLUTE_MAX_VCPUS) == null) {
            SpecProblem.addIfAny(problems, SpecField.VCPUS, Bounds.vcpus(spec.vcpus(), host.maxVcpus()));
        }
        if (VmSpecValidator.nameProblem(spec.name()) == null
                && (domains.store().find(spec.name()) != null || domains.runningOrNull(spec.name()) != null)) {
            problems.add(new SpecProblem(SpecField.NAME, "A VM named '" + spec.name() + "' already exists on " + domains.host() + "."));
        }
        if (spec.network() != null && !bridges.contains(spec.network())) {
            problems.add(new SpecProblem(SpecField.NETWORK, "There is no bridge '" + spec.network() + "' on " + domains.host()
                    + "; bridges: " + (bridges.isEmpty() ? "none" : String.join(", ", bridges)) + "."));
        }
        if (spec.storage() instanceof VmSpec.Storage.NewDisk disk && disk.pool() != null
                && !disk.pool().equals(domains.store().imageDir())) {
            problems.add(new SpecProblem(SpecField.STORAGE, "New disks go in " + domains.store().imageDir() + "; '" + disk.pool()
                    + "' is not a storage pool here."));
        }
        if (!spec.vcpuPins().isEmpty()) {
            var hostCpus = domains.hostCpus();
            for (int i = 0; i < spec.vcpuPins().size(); i++) {
                var pin = spec.vcpuPins().get(i);
                if (pin != null && !pin.isSubsetOf(hostCpus)) {
                    problems.add(new SpecProblem(SpecField.PINNING, "vCPU " + i + " is pinned to " + pin + ", but " + domains.host()
                            + " has only CPUs " + hostCpus + "."));
                }
            }
        }
        if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
            new XenCloudImage(domains, deviceModel).problems(cloud, problems);
        }
        // The other domains' disks and MACs, read once (xl list -l and the owned cfgs) when a check needs them.
        XenHostUses uses = new XenHostUses(domains);
        String mac = spec.nic().mac();
        if (mac != null && VmSpecValidator.macProblem(mac) == null) {
            List<String> users = uses.macUsers(mac);
            if (!users.isEmpty()) {
                problems.add(new SpecProblem(SpecField.NIC, "The MAC address " + mac + " is already used by VM '" + users.get(0)
                        + "' on " + domains.host() + "; give another or leave it empty to have one generated."));
            }
        }
        List<String> paths = new ArrayList<>();
        if (spec.boot() instanceof VmSpec.Boot.Kernel k) {
            paths.add(k.kernel());
            if (k.initrd() != null) {
                paths.add(k.initrd());
            }
        } else if (spec.boot() instanceof VmSpec.Boot.Iso iso) {
            paths.add(iso.path());
        }
        if (spec.storage() instanceof VmSpec.Storage.ImportDisk imported) {
            paths.add(imported.path());
        }
        if (!paths.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("sh", "-c", "for p; do [ -f \"$p\" ] || [ -b \"$p\" ] || printf '%s\\n' \"$p\"; done", "sh"));
            argv.addAll(paths);
            List<String> missing = domains.xl().run("check the files of the new VM", argv).lines().filter(l -> !l.isEmpty()).toList();
            String disk = spec.storage() instanceof VmSpec.Storage.ImportDisk imported ? imported.path() : null;
            List<String> boot = missing.stream().filter(p -> !p.equals(disk)).toList();
            if (!boot.isEmpty()) {
                problems.add(new SpecProblem(SpecField.BOOT, "These files do not exist on " + domains.host() + ": " + String.join(", ", boot) + "."));
            }
            if (disk != null && missing.contains(disk)) {
                problems.add(new SpecProblem(SpecField.STORAGE, "The disk image '" + disk + "' does not exist on " + domains.host() + ", or is not a file."));
            } else if (disk != null) {
                existingDiskProblems(disk, problems, uses);
            }
        }
    }

    /**
     * An existing disk must be one the dom0 can read (qcow2 only with qdisk) and used by no other domain, running or
     * owned and off: xl does not lock images, and two guests writing one disk destroy its file system.
     */
    private void existingDiskProblems(String path, List<SpecProblem> problems, XenHostUses uses) {
        if (!deviceModel && "qcow2".equals(XenImageFormat.of(domains.xl(), path))) {
            problems.add(new SpecProblem(SpecField.STORAGE, XenImageFormat.noQdisk(path, domains.host())));
        }
        List<String> users = uses.diskUsers(path);
        if (!users.isEmpty()) {
            problems.add(new SpecProblem(SpecField.STORAGE, "The disk '" + path + "' is already used by VM " + users.stream()
                    .map(u -> "'" + u + "'").collect(java.util.stream.Collectors.joining(", ")) + " on " + domains.host()
                    + "; choose another or copy it."));
        }
    }


    /** Past the file system's size is refused unless the user insists; past its free space is said, then done. */
    private void checkRoom(VmSpec.Storage.NewDisk disk, long bytes, ProgressListener progress) {
        String dir = domains.store().imageDir();
        domains.store().mkdir(dir);
        long[] room = limits.room(dir);
        Problem problem = room == null ? null : Bounds.diskInPool(bytes, dir, room[0], room[1]);
        if (problem == null) {
            return;
        }
        if (problem.limit() == Limit.DISK_CAPACITY && !disk.overcommit()) {
            throw new InvalidSpecException(problem.text() + " Give a smaller size, or insist on a sparse disk that large (--overcommit-disk).");
        }
        progress.progress("Warning: " + problem.text(), 0.3);
    }

    /** A sparse raw image under the images dir, with a file name safe for xl's disk spec (no comma). */
    private String newImage(String vm, long bytes, Deque<Runnable> undo) {
        String path = new XenImageFiles(domains).reserve(vm, ".img", undo);
        domains.xl().run("size the disk image " + path, List.of("truncate", "-s", Long.toString(bytes), "--", path));
        return path;
    }

    private XlConfig config(VmSpec spec, VirtMode mode, List<XlDisk> disks) {
        String kernel = null;
        String ramdisk = null;
        String cmdline = null;
        String bootloader = null;
        if (spec.boot() instanceof VmSpec.Boot.Kernel k) {
            kernel = k.kernel();
            ramdisk = k.initrd();
            cmdline = k.cmdline();
        } else if (spec.boot() instanceof VmSpec.Boot.Bootloader b) {
            bootloader = b.bootloader() == null ? "pygrub" : b.bootloader();
        } else if (spec.boot() instanceof VmSpec.Boot.None && mode == VirtMode.PV) {
            bootloader = "pygrub";
        }
        List<XlVif> vifs = spec.network() == null ? List.of() : List.of(new XlVif(spec.network(), spec.nic().mac()));
        boolean vnc = framebuffer(spec, mode);
        return new XlConfig(spec.name(), mode.cliName(), spec.memoryMiB(), spec.memoryMiB(), spec.vcpus(), spec.vcpus(),
                spec.vcpuPins(), List.of(), kernel, ramdisk, cmdline, bootloader, spec.boot() instanceof VmSpec.Boot.Iso,
                spec.firmware() == VmSpec.Firmware.UEFI, disks, vifs, vnc, java.util.UUID.randomUUID().toString());
    }

    /**
     * A graphical console where the device model can serve it (PVH guests have none here). By default as xl does:
     * an HVM guest gets its VNC, a PV guest a framebuffer (vfb) only when asked, since each vfb is one more QEMU in
     * dom0 (about 22 MB, and its start-up slows every hotplug script of a busy dom0 started beside it).
     */
    private boolean framebuffer(VmSpec spec, VirtMode mode) {
        boolean possible = deviceModel && mode != VirtMode.PVH;
        return possible && (spec.framebuffer() == null ? mode == VirtMode.HVM : spec.framebuffer());
    }

    /**
     * xl's own reading of the config must give back the name and disk paths that were meant: a
     * quoting mistake shows up here, before anything runs.
     */
    static void checkReadBack(String name, XlConfig config, String json) {
        List<XlDomainConfig> read = XlListJsonParser.parse(json);
        if (read.isEmpty()) {
            return; // older xl prints nothing on -N; its exit code already said the config parses
        }
        XlDomainConfig domain = read.get(0);
        if (domain.name() != null && !domain.name().equals(name)) {
            throw new InvalidSpecException("xl reads the name '" + name + "' as '" + domain.name() + "'; choose a name without such characters.");
        }
        List<String> wanted = config.disks().stream().map(XlDisk::target).toList();
        List<String> got = domain.disks().stream().map(org.duovirt.core.model.DiskInfo::source).toList();
        if (!domain.disks().isEmpty() && !wanted.equals(got)) {
            throw new InvalidSpecException("xl reads the disk paths " + wanted + " as " + got + "; use paths without such characters.");
        }
    }

    private static void cancelled(ProgressListener progress) {
        if (progress.isCancelled()) {
            throw new DuovirtException("The creation was cancelled; what it made was removed.", (String) null);
        }
    }
}
