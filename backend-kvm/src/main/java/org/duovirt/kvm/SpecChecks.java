package org.duovirt.kvm;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Limit;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.Units;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.text.Printable;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecValidator;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/**
 * What only the host can tell about a spec: whether the name is free, the memory fits, the mode is
 * offered and the files it names exist. Paths are checked on this machine for local URIs and through
 * libvirt's storage pools for remote ones (a remote file outside every pool cannot be checked up front).
 */
final class SpecChecks {
    private final Domains domains;
    private final HostReader host;
    private final boolean local;
    private final KvmLimits limits;

    private final CpuModels cpuModels;

    SpecChecks(Domains domains, HostReader host, KvmLimits limits, CpuModels cpuModels) {
        this.domains = domains;
        this.host = host;
        this.limits = limits;
        this.cpuModels = cpuModels;
        this.local = !KvmBackend.isRemote(URI.create(domains.uri()));
    }

    /** @return every problem, each one sentence; empty when the spec can be created */
    List<String> problems(VmSpec spec) {
        return SpecProblem.messages(check(spec));
    }

    /** @return every problem with its field; empty when the spec can be created */
    List<SpecProblem> check(VmSpec spec) {
        List<SpecProblem> problems = new ArrayList<>(VmSpecValidator.check(spec));
        if (VmSpecValidator.nameProblem(spec.name()) == null && domains.exists(spec.name())) {
            problems.add(new SpecProblem(SpecField.NAME, "A VM named '" + spec.name() + "' already exists on " + domains.uri() + "."));
        }
        long hostMiB = host.nodeInfo().memory / 1024;
        HostCapabilities caps = host.capabilities();
        // The host's bounds, where the host-free ones (already in the list) passed.
        if (Bounds.memory(spec.memoryMiB(), Long.MAX_VALUE) == null) {
            SpecProblem.addIfAny(problems, SpecField.MEMORY, Bounds.memory(spec.memoryMiB(), hostMiB));
        }
        if (Bounds.vcpus(spec.vcpus(), Bounds.ABSOLUTE_MAX_VCPUS) == null && (spec.mode() == null || caps.modes().contains(spec.mode()))) {
            SpecProblem.addIfAny(problems, SpecField.VCPUS, Bounds.vcpus(spec.vcpus(), limits.maxVcpusForNew(domainType(spec.mode(), caps))));
        }
        if (spec.mode() != null && !caps.modes().contains(spec.mode())) {
            problems.add(new SpecProblem(SpecField.MODE, "This host cannot run " + spec.mode().cliName().toUpperCase(Locale.ROOT)
                    + " guests; it offers " + describe(caps) + "."));
        }
        if (Boolean.FALSE.equals(spec.framebuffer())) {
            problems.add(new SpecProblem(SpecField.FRAMEBUFFER, "A KVM VM always gets its VNC console on 127.0.0.1; leave the"
                    + " graphical console on."));
        }
        if (spec.definition() != null) {
            problems.addAll(EditedDefinition.problems(spec.name(), spec.definition()));
        }
        if (spec.cpuModel() != null && spec.cpuModel().matches("[A-Za-z0-9._-]{1,64}")) {
            cpuModelProblem(spec.cpuModel(), domainType(spec.mode(), caps), problems);
        }
        if (spec.boot() instanceof VmSpec.Boot.Kernel kernel) {
            missing("kernel", kernel.kernel(), SpecField.BOOT, problems);
            if (kernel.initrd() != null && !kernel.initrd().isBlank()) {
                missing("initrd", kernel.initrd(), SpecField.BOOT, problems);
            }
        } else if (spec.boot() instanceof VmSpec.Boot.Iso iso) {
            missing("installer ISO", iso.path(), SpecField.BOOT, problems);
        } else if (spec.boot() instanceof VmSpec.Boot.Bootloader) {
            problems.add(new SpecProblem(SpecField.BOOT,
                    "A bootloader such as pygrub is a Xen PV feature; KVM guests boot from disk, an ISO or a kernel."));
        }
        if (spec.storage() instanceof VmSpec.Storage.ImportDisk disk) {
            existingDiskProblems(disk.path(), problems);
        } else if (spec.storage() instanceof VmSpec.Storage.NewDisk disk) {
            poolProblem(disk, problems);
        } else if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
            cloudImageProblems(cloud, problems);
        }
        if (spec.network() != null) {
            networkProblem(spec.network(), spec.boot() instanceof VmSpec.Boot.Network, problems);
        }
        if (spec.nic().mac() != null && VmSpecValidator.macProblem(spec.nic().mac()) == null) {
            String user = macUser(spec.nic().mac());
            if (user != null) {
                problems.add(new SpecProblem(SpecField.NIC, "The MAC address " + spec.nic().mac() + " is already used by VM '"
                        + user + "' on " + domains.uri() + "; give another or leave it empty to have one generated."));
            }
        }
        return problems;
    }

    /** The image must exist and be a disk image, its pool must have room, and the seed needs its tool. */
    private void cloudImageProblems(VmSpec.Storage.CloudImage cloud, List<SpecProblem> problems) {
        int before = problems.size();
        missing("cloud image", cloud.image(), SpecField.BOOT, problems);
        long bytes = 0;
        if (problems.size() == before) {
            CloudImageProbe.Result image = new CloudImageProbe(domains, local).probe(cloud.image());
            if (image.problem() != null) {
                problems.add(new SpecProblem(SpecField.BOOT, image.problem()));
            }
            bytes = image.virtualBytes();
        }
        double gib = Math.max(cloud.sizeGiB() == null ? 0 : cloud.sizeGiB(), bytes / (double) (1L << 30));
        // A sparse overlay takes room only as the guest writes; like a new disk it must fit the pool's capacity.
        poolProblem(new VmSpec.Storage.NewDisk(Math.max(gib, 1.0 / 1024), cloud.pool()), problems);
        if (!org.duovirt.core.cloudinit.SeedIso.available()) {
            problems.add(new SpecProblem(SpecField.CLOUD_INIT, org.duovirt.core.cloudinit.SeedIso.missingToolProblem()));
        }
    }

    /**
     * An existing disk must exist, be a file or device (not a folder) and be used by no other VM: two guests
     * writing one disk destroy its file system.
     */
    private void existingDiskProblems(String path, List<SpecProblem> problems) {
        int before = problems.size();
        missing("disk image", path, SpecField.STORAGE, problems);
        if (problems.size() != before) {
            return;
        }
        if (local && Files.isDirectory(Path.of(path))) {
            problems.add(new SpecProblem(SpecField.STORAGE, "The disk image '" + path + "' is a folder, not a disk image."));
            return;
        }
        List<String> users = new ExistingDisk(domains, local).users(path);
        if (!users.isEmpty()) {
            problems.add(new SpecProblem(SpecField.STORAGE, "The disk '" + path + "' is already used by VM " + users.stream()
                    .map(u -> "'" + u + "'").collect(java.util.stream.Collectors.joining(", ")) + " on " + domains.uri()
                    + "; choose another or clone it."));
        }
    }

    /** The model must be one the domain capabilities list for the VM's type, and usable there. */
    private void cpuModelProblem(String model, String domainType, List<SpecProblem> problems) {
        List<org.duovirt.core.model.CpuModelOption> options = cpuModels.forType(domainType);
        if (options.isEmpty()) {
            return; // a driver without domain capabilities (the test driver): libvirt checks at start
        }
        options.stream().filter(o -> o.name().equals(model)).findFirst().ifPresentOrElse(o -> {
            if (!o.available()) {
                problems.add(new SpecProblem(SpecField.CPU_MODEL, o.reason()));
            }
        }, () -> problems.add(new SpecProblem(SpecField.CPU_MODEL, "There is no CPU model '" + model + "' for " + domainType
                + " guests on " + domains.uri() + "; choose host-model or one of the models the host lists.")));
    }

    /** True when the host is this machine (its files can be read here). */
    boolean local() {
        return local;
    }

    /** A named pool must exist (the default one is made when missing) and have room for the disk. */
    private void poolProblem(VmSpec.Storage.NewDisk disk, List<SpecProblem> problems) {
        String name = disk.pool() == null ? StoragePools.DEFAULT_POOL : disk.pool();
        try {
            StoragePool pool = domains.connect().storagePoolLookupByName(name);
            try {
                if (pool.isActive() == 1 && Bounds.diskSize(disk.sizeGiB()) == null) {
                    // Past the pool's capacity is refused unless the user insists; past its free space, creation warns.
                    org.libvirt.StoragePoolInfo info = pool.getInfo();
                    Problem room = Bounds.diskInPool(Units.gibToBytes(disk.sizeGiB()), "pool '" + name + "'",
                            info.capacity, info.available);
                    if (room != null && room.limit() == Limit.DISK_CAPACITY && !disk.overcommit()) {
                        problems.add(new SpecProblem(SpecField.STORAGE, room.text()
                                + " Give a smaller size, or insist on a sparse disk that large (--overcommit-disk)."));
                    }
                }
            } finally {
                pool.free();
            }
        } catch (LibvirtException e) {
            if (disk.pool() != null) {
                problems.add(new SpecProblem(SpecField.STORAGE, "There is no storage pool '" + name + "' on " + domains.uri() + "."));
            }
        }
    }

    /** The VM on this host whose definition (persistent or live) has a NIC with this MAC address, or null. */
    private String macUser(String mac) {
        try {
            for (org.libvirt.Domain d : domains.connect().listAllDomains(0)) {
                try {
                    for (String xml : List.of(d.getXMLDesc(0), d.isPersistent() == 1 ? d.getXMLDesc(StorageOwnership.XML_INACTIVE) : "")) {
                        if (!xml.isEmpty() && DomainXmlReader.read(xml).nics().stream()
                                .anyMatch(n -> n.mac() != null && n.mac().equalsIgnoreCase(mac))) {
                            return d.getName();
                        }
                    }
                } catch (LibvirtException e) {
                    // A domain that vanished meanwhile uses no MAC.
                } finally {
                    Domains.free(d);
                }
            }
        } catch (LibvirtException e) {
            // Cannot list: libvirt refuses a clash at start.
        }
        return null;
    }

    /** The network must exist and run: a VM on a stopped network fails at start, after everything was made. */
    private void networkProblem(String name, boolean needsDhcp, List<SpecProblem> problems) {
        org.libvirt.Network network;
        try {
            network = domains.connect().networkLookupByName(name);
        } catch (LibvirtException e) {
            problems.add(new SpecProblem(SpecField.NETWORK, "There is no network '" + name + "' on " + domains.uri() + "."));
            return;
        }
        try {
            if (network.isActive() != 1) {
                problems.add(new SpecProblem(SpecField.NETWORK, "The network '" + name + "' on " + domains.uri()
                        + " is not running; start it or choose another."));
            }
            if (needsDhcp && NetworkXml.read(network.getXMLDesc(0), true, false, false, List.of()).dhcpRange() == null) {
                problems.add(new SpecProblem(SpecField.NETWORK, "The network '" + name + "' on " + domains.uri()
                        + " hands out no addresses (no DHCP), so a network boot cannot start; choose a network with DHCP."));
            }
        } catch (LibvirtException e) {
            // cannot tell; libvirt will say at start
        } finally {
            try {
                network.free();
            } catch (LibvirtException ignored) {
                // nothing to free
            }
        }
    }


    private static String describe(HostCapabilities caps) {
        return caps.modes().isEmpty() ? "only " + String.join(", ", caps.domainTypes())
                : String.join(" and ", caps.modes().stream().map(m -> m.cliName().toUpperCase(Locale.ROOT)).sorted().toList());
    }

    private void missing(String what, String path, SpecField field, List<SpecProblem> problems) {
        if (path == null || path.isBlank()) {
            problems.add(new SpecProblem(field, "The " + what + " path is empty."));
            return;
        }
        if (Printable.firstHostile(path) >= 0) {
            // libvirt would store a different path than the one checked (seen: a newline passed the check).
            problems.add(new SpecProblem(field, "The " + what + " path '" + path + "' contains a control, format or line separator character."));
            return;
        }
        if (!path.startsWith("/")) {
            problems.add(new SpecProblem(field, "The " + what + " path '" + path + "' must be absolute."));
            return;
        }
        if (!exists(path)) {
            problems.add(new SpecProblem(field, "The " + what + " '" + path + "' does not exist on " + domains.uri() + "."));
        }
    }

    /**
     * A path a storage pool knows exists. Other paths are checked on this machine for local URIs;
     * libvirt has no "does this file exist" call, so a remote one is left for libvirt to refuse at start.
     */
    private boolean exists(String path) {
        try {
            Domains.freeVolume(domains.connect().storageVolLookupByPath(path));
            return true;
        } catch (LibvirtException e) {
            return !local || Files.exists(Path.of(path));
        }
    }

    /** The domain type for a mode: KVM → kvm, QEMU → qemu, none → the best the host offers. */
    static String domainType(VirtMode mode, HostCapabilities caps) {
        if (mode == VirtMode.KVM) {
            return "kvm";
        }
        if (mode == VirtMode.QEMU) {
            return "qemu";
        }
        return caps.defaultDomainType();
    }
}
