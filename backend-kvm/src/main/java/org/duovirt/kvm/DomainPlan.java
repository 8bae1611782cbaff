package org.duovirt.kvm;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VmSpec;

/**
 * A VM spec with everything the host decided filled in: the domain type, the disk's path and format.
 *
 * @param diskPath   the main disk's path, or null for none
 * @param diskFormat qcow2, raw …
 * @param ownedDisk  true when this creation made the disk (recorded in the domain's metadata)
 * @param machine    machine type (q35, pc …), or null for libvirt's default
 * @param osVariant  osinfo short id recorded in libosinfo's metadata, or null
 * @param seedPath   the cloud-init seed ISO this creation made (attached as a CD-ROM, owned), or null
 * @param nic        the NIC's model (null: virtio) and MAC address (null: libvirt generates one)
 * @param cpuModel   host-passthrough, host-model or a named model; null: passthrough under kvm, QEMU's default under TCG
 */
record DomainPlan(String name, long memoryKiB, int vcpus, String domainType, String arch, VmSpec.Boot boot,
                  VmSpec.Firmware firmware, String diskPath, String diskFormat, boolean ownedDisk, String network,
                  List<CpuSet> vcpuPins, String machine, String osVariant, String seedPath, VmSpec.Nic nic, String cpuModel) {
    DomainPlan(String name, long memoryKiB, int vcpus, String domainType, String arch, VmSpec.Boot boot,
               VmSpec.Firmware firmware, String diskPath, String diskFormat, boolean ownedDisk, String network,
               List<CpuSet> vcpuPins, String machine, String osVariant, String seedPath, VmSpec.Nic nic) {
        this(name, memoryKiB, vcpus, domainType, arch, boot, firmware, diskPath, diskFormat, ownedDisk, network, vcpuPins,
                machine, osVariant, seedPath, nic, null);
    }

    DomainPlan(String name, long memoryKiB, int vcpus, String domainType, String arch, VmSpec.Boot boot,
               VmSpec.Firmware firmware, String diskPath, String diskFormat, boolean ownedDisk, String network,
               List<CpuSet> vcpuPins, String machine, String osVariant, String seedPath) {
        this(name, memoryKiB, vcpus, domainType, arch, boot, firmware, diskPath, diskFormat, ownedDisk, network, vcpuPins,
                machine, osVariant, seedPath, VmSpec.Nic.DEFAULT);
    }

    DomainPlan(String name, long memoryKiB, int vcpus, String domainType, String arch, VmSpec.Boot boot,
               VmSpec.Firmware firmware, String diskPath, String diskFormat, boolean ownedDisk, String network,
               List<CpuSet> vcpuPins, String machine, String osVariant) {
        this(name, memoryKiB, vcpus, domainType, arch, boot, firmware, diskPath, diskFormat, ownedDisk, network, vcpuPins,
                machine, osVariant, null);
    }

    DomainPlan(String name, long memoryKiB, int vcpus, String domainType, String arch, VmSpec.Boot boot,
               VmSpec.Firmware firmware, String diskPath, String diskFormat, boolean ownedDisk, String network,
               List<CpuSet> vcpuPins) {
        this(name, memoryKiB, vcpus, domainType, arch, boot, firmware, diskPath, diskFormat, ownedDisk, network, vcpuPins,
                null, null, null);
    }

    DomainPlan {
        vcpuPins = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(vcpuPins));
        nic = nic == null ? VmSpec.Nic.DEFAULT : nic;
    }
}
