package org.duovirt.cli;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.app.job.JobLeftovers;
import org.duovirt.app.job.PendingRemovals;
import org.duovirt.app.job.RemovalJournal;
import org.duovirt.core.cloudinit.CloudInitFiles;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.HostConnection;
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

    @Option(names = "--disk-format", paramLabel = "qcow2|raw", description = "The new disk's format (default qcow2 on KVM, raw on Xen).")
    String diskFormat;

    @Option(names = "--definition", paramLabel = "FILE",
            description = "Customize before install: define this edit of the --dry-run output instead (KVM; checked against libvirt's schema).")
    java.nio.file.Path definition;

    @Option(names = "--pxe", description = "Network boot (PXE) first, from --network (which must have DHCP), then the disk.")
    boolean pxe;

    @Option(names = "--cpu-model", paramLabel = "MODEL",
            description = "KVM: host-passthrough, host-model or a named model of the host (virsh domcapabilities), e.g. qemu64.")
    String cpuModel;

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

    @Option(names = "--uefi", description = "UEFI firmware instead of BIOS (same as --firmware uefi).")
    boolean uefi;

    @Option(names = "--firmware", paramLabel = "bios|uefi", description = "Firmware of the VM.")
    String firmware;

    @Option(names = "--machine", paramLabel = "TYPE", description = "KVM machine type, e.g. q35 or pc.")
    String machine;

    @Option(names = {"--os", "--os-variant"}, paramLabel = "ID", description = "osinfo short id, e.g. debian12.")
    String osVariant;

    @Option(names = "--pin", paramLabel = "VCPU=CPUS", description = "Initial pinning, e.g. --pin 0=2 --pin 1=3.")
    List<String> pins = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check the spec on the host and print every problem, or the definition it would write.")
    boolean dryRun;

    @Option(names = "--overcommit-disk", description = "Create the sparse --disk even when it is larger than its whole pool.")
    boolean overcommitDisk;

    @Option(names = "--start", description = "Start the VM once it is created.")
    boolean start;

    @Option(names = "--nic-model", paramLabel = "MODEL", description = "The NIC's model: virtio (default on KVM), e1000 or rtl8139.")
    String nicModel;

    @Option(names = "--mac", paramLabel = "XX:XX:XX:XX:XX:XX", description = "The NIC's MAC address (unicast; default: generated).")
    String mac;

    @Option(names = "--cloud-image", paramLabel = "PATH",
            description = "A qcow2/raw cloud image on the host: the new disk is a copy-on-write overlay on it (KVM) or a copy of it in the image directory (Xen), first booted with cloud-init.")
    String cloudImage;

    @Option(names = "--ssh-key", paramLabel = "FILE", description = "Cloud-init: a public key file (.pub, one key a line) to authorize.")
    List<java.nio.file.Path> sshKeys = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME", description = "Cloud-init: the user to create (default: the image's own user).")
    String user;

    @Option(names = "--password-hash-file", paramLabel = "FILE",
            description = "Cloud-init: a file holding the user's crypt(3) password hash (mkpasswd -m sha-512).")
    java.nio.file.Path passwordHashFile;

    @Option(names = "--user-data", paramLabel = "FILE", description = "Cloud-init: your own user-data file (#cloud-config or a #! script).")
    java.nio.file.Path userData;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Cloud-init: the guest's host name (default: from the VM name).")
    String hostname;

    @Option(names = "--graphics", negatable = true,
            description = "Xen: a graphical console (a PV guest's framebuffer, vfb; an HVM guest's VNC), served by qemu-system-xen"
                    + " in dom0; --no-graphics leaves it out. Default as xl: HVM guests get one, PV guests not.")
    Boolean graphics;

    @Override
    void run() {
        VmSpec spec = spec();
        if (dryRun) {
            dryRun(spec);
            return;
        }
        HostConnection c = host();
        // Journaled before anything is made: if the host vanishes, the next connection to it removes the half-made VM.
        RemovalJournal journal = RemovalJournal.standard();
        RemovalJournal.Entry pending = PendingRemovals.entry(c.uri(), spec.name(),
                org.duovirt.app.Messages.get("wizard.job.leftover", spec.name()), JobLeftovers.forCreation(c, spec));
        journal.add(pending);
        VmSummary vm;
        try {
            vm = c.create(spec, (step, fraction) -> {
                if (!output().isJson()) {
                    terminal().err().println("  " + step);
                }
            });
            if (start) {
                c.start(vm.name());
            }
        } catch (RuntimeException e) {
            if (c.isAlive()) {
                // The host answered: the backend undid its own creation (or the start failed on a VM that stays).
                journal.clear(pending.id());
                throw e;
            }
            journal.release(pending.id());
            String host = org.duovirt.core.uri.Uris.redact(c.uri());
            HostUnreachableException lost = new HostUnreachableException(org.duovirt.app.Messages.get("job.create-host-lost", host, spec.name()),
                    org.duovirt.app.Messages.get("job.create-host-lost.hint"), e);
            throw lost;
        }
        journal.clear(pending.id());
        if (output().isJson()) {
            output().json(Json.summary(start ? host().details(vm.name()).summary() : vm));
        } else {
            output().line("VM '" + vm.name() + "' created" + (start ? " and started." : "."));
        }
    }

    /** Prints every problem (and fails), or the definition create would write. */
    private void dryRun(VmSpec spec) {
        List<SpecProblem> problems = host().check(spec);
        if (!problems.isEmpty()) {
            if (output().isJson()) {
                output().json(Json.problems(problems));
            }
            throw new InvalidSpecException(SpecProblem.messages(problems));
        }
        String definition = host().preview(spec);
        if (output().isJson()) {
            output().json(Json.preview(definition));
        } else {
            output().block(definition.strip());
        }
    }

    VmSpec spec() {
        VmSpecBuilder b = new VmSpecBuilder().name(name).memoryMiB(memoryMiB).vcpus(vcpus)
                .newDisk(diskGiB, pool).diskFormat(diskFormat).overcommitDisk(overcommitDisk).importDisk(importPath).kernel(kernel, initrd, cmdline).iso(iso).networkBoot(pxe)
                .bootloader(bootloader).network(network).nic(nicModel, mac).cpuModel(cpuModel).mode(mode).osVariant(osId(osVariant)).machine(machine)
                .firmware(firmware(uefi, firmware)).framebuffer(graphics);
        pins.forEach(b::pin);
        if (definition != null) {
            b.definition(CloudInitFiles.read("definition file", definition));
        }
        if (cloudImage != null || !sshKeys.isEmpty() || user != null || passwordHashFile != null || userData != null || hostname != null) {
            b.cloudImage(cloudImage, cloudInit());
        }
        return b.build();
    }

    /** The cloud-init options, their files read on this machine. */
    private org.duovirt.core.cloudinit.CloudInitConfig cloudInit() {
        List<String> keys = new ArrayList<>();
        for (java.nio.file.Path file : sshKeys) {
            List<String> inFile = CloudInitFiles.keys(CloudInitFiles.read("SSH key file", file));
            if (inFile.isEmpty()) {
                throw new InvalidSpecException("The SSH key file '" + file
                        + "' holds no key.");
            }
            keys.addAll(inFile);
        }
        String hash = passwordHashFile == null ? null : CloudInitFiles.read("password hash file", passwordHashFile).strip();
        String data = userData == null ? null : CloudInitFiles.read("user-data file", userData);
        return new org.duovirt.core.cloudinit.CloudInitConfig(hostname, user, hash, keys, data);
    }

    /** A short id (debian12) becomes osinfo's full id, which goes into the VM's metadata; unknown ids are refused. */
    private static String osId(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        return org.duovirt.core.os.OsPresets.system().find(given).map(org.duovirt.core.os.OsPreset::id)
                .orElseThrow(() -> new InvalidSpecException("There is no OS preset '" + given
                        + "'; see duovirt os-presets --search " + given.replaceAll("[0-9.]+$", "") + "."));
    }

    private static VmSpec.Firmware firmware(boolean uefi, String firmware) {
        if (firmware == null) {
            return uefi ? VmSpec.Firmware.UEFI : VmSpec.Firmware.BIOS;
        }
        return switch (firmware.toLowerCase(java.util.Locale.ROOT)) {
            case "bios" -> VmSpec.Firmware.BIOS;
            case "uefi", "efi" -> VmSpec.Firmware.UEFI;
            default -> throw new InvalidSpecException("Unknown --firmware '" + firmware + "': use bios or uefi.");
        };
    }
}
