package org.duovirt.core.model;

import java.util.List;
import java.util.Objects;
import org.duovirt.core.cpu.CpuSet;

/**
 * What to create. Validated by {@link VmSpecValidator} before a backend sees it; the backend checks
 * what only the host can tell (memory, existing names, paths).
 *
 * @param storage    the VM's main disk
 * @param boot       how it boots
 * @param network    libvirt network or Xen bridge name; null for no NIC
 * @param mode       virtualization mode; null lets the backend choose the best the host has
 * @param firmware   BIOS or UEFI (HVM/KVM only)
 * @param vcpuPins   optional initial hard affinity per vCPU (index = vCPU); empty for none
 * @param osVariant  osinfo short id (e.g. debian12), or null
 * @param machine    KVM machine type (q35, pc, …), or null for the host's default
 * @param nic        the NIC's model and MAC address on {@code network}; never null (both parts may be null)
 * @param cpuModel   KVM: {@value #HOST_PASSTHROUGH}, {@value #HOST_MODEL} or a model the host's domain capabilities
 *                   name (e.g. qemu64); null for the backend's default (passthrough under KVM, QEMU's own under TCG)
 * @param definition "customize before install": the user's edit of the definition the backend previewed for this
 *                   spec, defined instead of the generated one after the hypervisor validated it; null for the generated one
 * @param framebuffer Xen: a graphical console (a PV guest's vfb, an HVM guest's VNC), served by the device model in
 *                   dom0; true asks for it, false leaves it out, null takes the backend's default (as xl: HVM guests
 *                   get one, PV guests not). KVM VMs always get their VNC console (false is refused there)
 */
public record VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                     VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant, String machine, Nic nic,
                     String cpuModel, String definition, Boolean framebuffer) {
    /** The spec with the backend's default graphical console. */
    public VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                  VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant, String machine, Nic nic,
                  String cpuModel, String definition) {
        this(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, machine, nic, cpuModel, definition,
                null);
    }

    /** The spec with the generated definition. */
    public VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                  VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant, String machine, Nic nic,
                  String cpuModel) {
        this(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, machine, nic, cpuModel, null);
    }

    /** The guest sees the host's own CPU, unchanged (KVM only; not migratable to a different CPU). */
    public static final String HOST_PASSTHROUGH = "host-passthrough";
    /** The named model closest to the host's CPU with its extra features (migratable between like hosts). */
    public static final String HOST_MODEL = "host-model";
    /** The CPU model word for "the hypervisor's own choice" (SPI setCpuModel, the CPUs page, {@code cpu-model}). */
    public static final String CPU_DEFAULT = "default";

    /** The spec with the backend's default CPU model. */
    public VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                  VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant, String machine, Nic nic) {
        this(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, machine, nic, null);
    }

    /** The spec with the host's choice of NIC model and a generated MAC address. */
    public VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                  VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant, String machine) {
        this(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, machine, null);
    }

    /** The spec without a machine type (the host's default). */
    public VmSpec(String name, long memoryMiB, int vcpus, Storage storage, Boot boot, String network,
                  VirtMode mode, Firmware firmware, List<CpuSet> vcpuPins, String osVariant) {
        this(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, null);
    }

    public VmSpec {
        Objects.requireNonNull(name, "name");
        storage = storage == null ? new Storage.None() : storage;
        boot = boot == null ? new Boot.None() : boot;
        firmware = firmware == null ? Firmware.BIOS : firmware;
        vcpuPins = vcpuPins == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(vcpuPins));
        machine = machine == null || machine.isBlank() ? null : machine;
        osVariant = osVariant == null || osVariant.isBlank() ? null : osVariant;
        nic = nic == null ? Nic.DEFAULT : nic;
        cpuModel = cpuModel == null || cpuModel.isBlank() ? null : cpuModel.strip();
        definition = definition == null || definition.isBlank() ? null : definition;
    }

    /** This spec with the user's edited definition (null: the generated one again). */
    public VmSpec withDefinition(String edited) {
        return new VmSpec(name, memoryMiB, vcpus, storage, boot, network, mode, firmware, vcpuPins, osVariant, machine, nic, cpuModel,
                edited, framebuffer);
    }

    /**
     * The NIC on the VM's network.
     *
     * @param model virtio, e1000 or rtl8139 (KVM), or null for the backend's default (virtio on KVM)
     * @param mac   a unicast MAC address written aa:bb:cc:dd:ee:ff, or null to let the host generate one
     */
    public record Nic(String model, String mac) {
        public static final Nic DEFAULT = new Nic(null, null);
        /** The models KVM guests get from QEMU and the wizard offers. */
        public static final List<String> MODELS = List.of("virtio", "e1000", "rtl8139");

        public Nic {
            model = model == null || model.isBlank() ? null : model.strip().toLowerCase(java.util.Locale.ROOT);
            mac = mac == null || mac.isBlank() ? null : mac.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Firmware { BIOS, UEFI }

    /** The VM's main disk. */
    public sealed interface Storage {
        /**
         * A new disk image of {@code sizeGiB} in {@code pool} (null = the host's default place).
         *
         * @param overcommit the user insists on a sparse disk larger than the whole pool
         */
        record NewDisk(double sizeGiB, String pool, boolean overcommit, String format) implements Storage {
            /** The formats a new disk may have: qcow2 (sparse, snapshots) or raw (fastest, no snapshots); null is the backend's default. */
            public static final List<String> FORMATS = List.of("qcow2", "raw");

            public NewDisk {
                format = format == null || format.isBlank() ? null : format.strip().toLowerCase(java.util.Locale.ROOT);
            }

            public NewDisk(double sizeGiB, String pool, boolean overcommit) {
                this(sizeGiB, pool, overcommit, null);
            }

            public NewDisk(double sizeGiB, String pool) {
                this(sizeGiB, pool, false);
            }
        }

        /**
         * An existing disk image (a volume of a pool or, on this machine's host, any file), used as it is and never
         * deleted with the VM.
         */
        record ImportDisk(String path) implements Storage { }

        /**
         * A cloud image on the host as the base of a new copy-on-write disk in {@code pool} (null = the
         * host's default place), first booted with a NoCloud seed made from {@code cloudInit}. The image itself
         * is only read, never changed or deleted.
         *
         * @param sizeGiB the new disk's size, or null for the image's own; a smaller one is raised to it
         */
        record CloudImage(String image, String pool, Double sizeGiB, org.duovirt.core.cloudinit.CloudInitConfig cloudInit)
                implements Storage {
            public CloudImage {
                java.util.Objects.requireNonNull(image, "image");
                java.util.Objects.requireNonNull(cloudInit, "cloudInit");
            }
        }

        record None() implements Storage { }
    }

    /** How the VM boots. */
    public sealed interface Boot {
        /** Direct kernel boot: kernel and initrd paths on the host. */
        record Kernel(String kernel, String initrd, String cmdline) implements Boot { }

        /** Boot from an installer ISO on the host. */
        record Iso(String path) implements Boot { }

        /** Xen PV with pygrub reading the guest's own disk. */
        record Bootloader(String bootloader) implements Boot { }

        /** Network boot (PXE) from the VM's network, which must hand out addresses (DHCP); the disk after it. */
        record Network() implements Boot { }

        /** Boot from the disk. */
        record None() implements Boot { }
    }
}
