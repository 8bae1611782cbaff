package org.duovirt.xen.parse;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;

/**
 * One entry of {@code xl list -l}: the configuration libxl holds for a running domain. Fields libxl
 * left at their default are absent from the JSON; they read as null, 0 or empty here.
 *
 * @param type            pv, pvh or hvm
 * @param hardAffinity    per-vCPU hard affinity from the config (NOT the runtime pin); empty when unset
 * @param vnc             true when a VNC framebuffer is configured
 */
public record XlDomainConfig(int domid, String name, String uuid, String type, int maxVcpus, int onlineVcpus,
                             long maxMemoryKiB, long targetMemoryKiB, String kernel, String ramdisk, String cmdline,
                             String bootloader, List<DiskInfo> disks, List<NicInfo> nics, boolean vnc,
                             List<CpuSet> hardAffinity) {
    public XlDomainConfig {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
        hardAffinity = List.copyOf(hardAffinity);
    }
}
