package org.duovirt.cli;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create", description = "Create a VM (defined, not started unless --start).")
final class CreateCommand extends HostSubcommand {
    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--memory", required = true, paramLabel = "MIB")
    long memoryMiB;

    @Option(names = "--vcpus", defaultValue = "1", paramLabel = "N")
    int vcpus;

    @Option(names = "--disk", paramLabel = "GIB", description = "A new disk of this size in the default pool.")
    Double diskGiB;

    @Option(names = "--pool", paramLabel = "POOL", description = "Storage pool (KVM) or image directory (Xen) for --disk.")
    String pool;

    @Option(names = "--import", paramLabel = "PATH", description = "Use an existing disk image (never deleted with the VM).")
    String importPath;

    @Option(names = "--kernel", paramLabel = "PATH", description = "Direct kernel boot: kernel on the host.")
    String kernel;

    @Option(names = "--initrd", paramLabel = "PATH")
    String initrd;

    @Option(names = "--cmdline", paramLabel = "TEXT")
    String cmdline;

    @Option(names = "--iso", paramLabel = "PATH", description = "Boot an installer ISO on the host.")
    String iso;

    @Option(names = "--bootloader", paramLabel = "NAME", description = "Xen PV bootloader, e.g. pygrub.")
    String bootloader;

    @Option(names = "--network", paramLabel = "NAME", description = "libvirt network or Xen bridge.")
    String network;

    @Option(names = {"--virt-type", "--mode"}, paramLabel = "MODE", description = "kvm, qemu, pv, pvh or hvm.")
    String mode;

    @Option(names = "--uefi", description = "UEFI firmware instead of BIOS.")
    boolean uefi;

    @Option(names = "--os-variant", paramLabel = "ID", description = "osinfo short id, e.g. debian12.")
    String osVariant;

    @Option(names = "--pin", paramLabel = "VCPU=CPUS", description = "Initial pinning, e.g. --pin 0=2 --pin 1=3.")
    List<String> pins = new ArrayList<>();

    @Option(names = "--overcommit-disk", description = "Create the sparse --disk even when it is larger than its whole pool.")
    boolean overcommitDisk;

    @Option(names = "--start", description = "Start the VM once it is created.")
    boolean start;

    @Override
    void run() {
        VmSpec spec = spec();
        VmSummary vm = host().create(spec, (step, fraction) -> {
            if (!output().isJson()) {
                terminal().err().println("  " + step);
            }
        });
        if (start) {
            host().start(vm.name());
        }
        if (output().isJson()) {
            output().json(Json.summary(start ? host().details(vm.name()).summary() : vm));
        } else {
            output().line("VM '" + vm.name() + "' created" + (start ? " and started." : "."));
        }
    }

    VmSpec spec() {
        if (diskGiB != null && importPath != null) {
            throw new InvalidSpecException("Give either --disk or --import, not both.");
        }
        long bootSources = java.util.stream.Stream.of(kernel, iso, bootloader).filter(s -> s != null).count();
        if (bootSources > 1) {
            throw new InvalidSpecException("Give only one of --kernel, --iso and --bootloader.");
        }
        if (kernel == null && (initrd != null || cmdline != null)) {
            throw new InvalidSpecException("--initrd and --cmdline need --kernel.");
        }
        VmSpec.Storage storage = diskGiB != null ? new VmSpec.Storage.NewDisk(diskGiB, pool, overcommitDisk)
                : importPath != null ? new VmSpec.Storage.ImportDisk(importPath) : new VmSpec.Storage.None();
        VmSpec.Boot boot = kernel != null ? new VmSpec.Boot.Kernel(kernel, initrd, cmdline)
                : iso != null ? new VmSpec.Boot.Iso(iso)
                : bootloader != null ? new VmSpec.Boot.Bootloader(bootloader) : new VmSpec.Boot.None();
        return new VmSpec(name, memoryMiB, vcpus, storage, boot, network,
                mode == null ? null : VirtMode.fromCliName(mode),
                uefi ? VmSpec.Firmware.UEFI : VmSpec.Firmware.BIOS, pinList(), osVariant);
    }

    private List<CpuSet> pinList() {
        List<CpuSet> list = new ArrayList<>();
        if (!pins.isEmpty()) {
            // The list is as long as the highest pinned vCPU: bound the count before it grows.
            Bounds.require(Bounds.vcpus(vcpus, Bounds.ABSOLUTE_MAX_VCPUS));
        }
        for (String pin : pins) {
            int eq = pin.indexOf('=');
            if (eq < 1) {
                throw new InvalidSpecException("Bad --pin '" + pin + "': write VCPU=CPUS, e.g. 0=2-3.");
            }
            int vcpu;
            try {
                vcpu = Integer.parseInt(pin.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new InvalidSpecException("Bad --pin '" + pin + "': the vCPU must be a number.");
            }
            if (vcpu < 0 || vcpu >= vcpus) {
                throw new InvalidSpecException("Bad --pin '" + pin + "': the VM has vCPUs 0-" + (vcpus - 1) + ".");
            }
            while (list.size() <= vcpu) {
                list.add(null);
            }
            list.set(vcpu, CpuSet.parse(pin.substring(eq + 1)));
        }
        return list;
    }
}
