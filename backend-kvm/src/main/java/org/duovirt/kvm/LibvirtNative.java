package org.duovirt.kvm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The libvirt functions libvirt-java 0.5.4 does not bind, against the same libvirt.so.0. Handles come
 * from libvirt-java's objects through {@link NativeHandles}; return values follow libvirt's C API.
 */
interface LibvirtNative extends Library {
    LibvirtNative INSTANCE = Native.load("virt", LibvirtNative.class);

    int VIR_DOMAIN_AFFECT_CURRENT = 0;
    int VIR_DOMAIN_AFFECT_LIVE = 1;
    int VIR_DOMAIN_AFFECT_CONFIG = 2;
    int VIR_DOMAIN_MEM_MAXIMUM = 4;
    int VIR_DOMAIN_VCPU_MAXIMUM = 4;

    int VIR_DOMAIN_STATS_STATE = 1;
    int VIR_DOMAIN_STATS_CPU_TOTAL = 2;
    int VIR_DOMAIN_STATS_BALLOON = 4;
    int VIR_DOMAIN_STATS_VCPU = 8;
    int VIR_DOMAIN_STATS_INTERFACE = 16;
    int VIR_DOMAIN_STATS_BLOCK = 32;
    int VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE = 1;
    int VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT = 1 << 29;

    int VIR_DOMAIN_CONSOLE_FORCE = 1;
    int VIR_DOMAIN_CONSOLE_SAFE = 2;

    int virConnectGetAllDomainStats(Pointer conn, int stats, PointerByReference retStats, int flags);

    /** {@code doms} is a NULL-terminated array of virDomainPtr. */
    int virDomainListGetStats(Pointer[] doms, int stats, PointerByReference retStats, int flags);

    void virDomainStatsRecordListFree(Pointer stats);

    String virDomainGetName(Pointer domain);

    int virDomainGetUUIDString(Pointer domain, byte[] buf);

    int virDomainGetVcpuPinInfo(Pointer domain, int ncpumaps, byte[] cpumaps, int maplen, int flags);

    int virDomainPinVcpuFlags(Pointer domain, int vcpu, byte[] cpumap, int maplen, int flags);

    int virDomainGetEmulatorPinInfo(Pointer domain, byte[] cpumap, int maplen, int flags);

    int virDomainPinEmulator(Pointer domain, byte[] cpumap, int maplen, int flags);

    int virDomainOpenConsole(Pointer domain, String devName, Pointer stream, int flags);

    int virDomainSetMemoryFlags(Pointer domain, NativeLong memoryKiB, int flags);

    int virDomainGetState(Pointer domain, IntByReference state, IntByReference reason, int flags);

    /** The number of host CPUs (cpumap and online may be NULL). */
    int virNodeGetCPUMap(Pointer conn, Pointer cpumap, Pointer online, int flags);

    /**
     * One CPU's (or all, cpuNum -1) cumulative times: {@code params} an array of virNodeCPUStats
     * ({char field[80]; unsigned long long value} = 88 bytes); NULL with nparams 0 asks for the count.
     */
    int virNodeGetCPUStats(Pointer conn, int cpuNum, Pointer params, IntByReference nparams, int flags);
    /** Fills {@code leases} with an array of virNetworkDHCPLeasePtr; returns their count or -1. */
    int virNetworkGetDHCPLeases(Pointer network, String mac, PointerByReference leases, int flags);

    void virNetworkDHCPLeaseFree(Pointer lease);

    /** Like virDomainDefineXML; flag 1 (VIR_DOMAIN_DEFINE_VALIDATE) checks the XML against libvirt's schema. */
    Pointer virDomainDefineXMLFlags(Pointer conn, String xml, int flags);

    int virDomainFree(Pointer domain);
    /** The domain capabilities XML (caller frees it), or NULL; every argument but conn may be NULL. */
    /** libvirt 5.2+: which storage pool types the daemon was built with; a string to free, or NULL. */
    Pointer virConnectGetStoragePoolCapabilities(Pointer conn, int flags);

    Pointer virConnectGetDomainCapabilities(Pointer conn, String emulatorbin, String arch, String machine,
                                            String virttype, int flags);

    /** virErrorPtr of the calling thread's last error, or NULL. */
    Pointer virGetLastError();

    /** Renames a shut-off domain (libvirt 1.2.19+); flags must be 0. */
    int virDomainRename(Pointer domain, String newName, int flags);
}
