package org.duovirt.xen.config;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;

/**
 * The part of an xl.cfg Duovirt writes and reads back. Memory in MiB as xl.cfg has it.
 *
 * @param type       pv, pvh or hvm
 * @param cpus       hard affinity per vCPU (index = vCPU), empty when unpinned
 * @param cpusSoft   soft affinity per vCPU, empty when unset
 * @param bootloader e.g. pygrub, or null
 * @param isoBoot    HVM boots from its cdrom first ({@code boot="dc"})
 * @param uefi       HVM firmware OVMF instead of SeaBIOS
 * @param vnc        a VNC console on 127.0.0.1
 * @param uuid       the VM's UUID, kept in the config so it survives restarts; null lets xl pick one per start
 * @param pool       the cpupool the VM is created in ({@code pool=}), null for xl's default (Pool-0)
 */
public record XlConfig(String name, String type, long memoryMiB, long maxMemoryMiB, int vcpus, int maxVcpus,
                       List<CpuSet> cpus, List<CpuSet> cpusSoft, String kernel, String ramdisk, String cmdline,
                       String bootloader, boolean isoBoot, boolean uefi, List<XlDisk> disks, List<XlVif> vifs,
                       boolean vnc, String uuid, String pool) {
    public XlConfig {
        cpus = List.copyOf(cpus);
        cpusSoft = List.copyOf(cpusSoft);
        disks = List.copyOf(disks);
        vifs = List.copyOf(vifs);
    }

    /** A config without a {@code pool=} line. */
    public XlConfig(String name, String type, long memoryMiB, long maxMemoryMiB, int vcpus, int maxVcpus,
                    List<CpuSet> cpus, List<CpuSet> cpusSoft, String kernel, String ramdisk, String cmdline,
                    String bootloader, boolean isoBoot, boolean uefi, List<XlDisk> disks, List<XlVif> vifs,
                    boolean vnc, String uuid) {
        this(name, type, memoryMiB, maxMemoryMiB, vcpus, maxVcpus, cpus, cpusSoft, kernel, ramdisk, cmdline, bootloader,
                isoBoot, uefi, disks, vifs, vnc, uuid, null);
    }

    public XlConfig withPinning(List<CpuSet> hard, List<CpuSet> soft) {
        return new XlConfig(name, type, memoryMiB, maxMemoryMiB, vcpus, maxVcpus, hard, soft, kernel, ramdisk, cmdline,
                bootloader, isoBoot, uefi, disks, vifs, vnc, uuid, pool);
    }

    public XlConfig withVcpus(int count) {
        return new XlConfig(name, type, memoryMiB, maxMemoryMiB, count, Math.max(count, maxVcpus), cpus, cpusSoft, kernel,
                ramdisk, cmdline, bootloader, isoBoot, uefi, disks, vifs, vnc, uuid, pool);
    }

    public XlConfig withMemory(long mib) {
        return new XlConfig(name, type, mib, Math.max(mib, maxMemoryMiB), vcpus, maxVcpus, cpus, cpusSoft, kernel, ramdisk,
                cmdline, bootloader, isoBoot, uefi, disks, vifs, vnc, uuid, pool);
    }

    /** The same config placed in another cpupool; null for xl's default. */
    public XlConfig withPool(String cpupool) {
        return new XlConfig(name, type, memoryMiB, maxMemoryMiB, vcpus, maxVcpus, cpus, cpusSoft, kernel, ramdisk, cmdline,
                bootloader, isoBoot, uefi, disks, vifs, vnc, uuid, cpupool);
    }
}
