package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.HostInfo;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;

/** Host facts: capabilities, node info, networks and storage pools. */
final class HostReader {
    private final Domains domains;
    private volatile HostCapabilities capabilities;

    HostReader(Domains domains) {
        this.domains = domains;
    }

    /** The capabilities, read once per connection (they do not change while connected). */
    HostCapabilities capabilities() {
        HostCapabilities caps = capabilities;
        if (caps == null) {
            caps = CapabilitiesParser.parse(domains.host("Reading the capabilities of " + domains.uri(),
                    () -> domains.connect().getCapabilities()));
            caps = KvmAcceleration.adjust(caps, !KvmBackend.isRemote(java.net.URI.create(domains.uri()))
                    && domains.uri().startsWith("qemu"), java.nio.file.Path.of("/proc/cpuinfo"));
            capabilities = caps;
        }
        return caps;
    }

    NodeInfo nodeInfo() {
        return domains.host("Reading the node information of " + domains.uri(), () -> domains.connect().nodeInfo());
    }

    HostInfo hostInfo() {
        HostCapabilities caps = capabilities();
        NodeInfo node = nodeInfo();
        return domains.host("Reading host information of " + domains.uri(), () -> {
            LibvirtConnect c = domains.connect();
            CpuTopology topology = caps.topology() != null ? caps.topology()
                    : CpuTopology.flat(node.cpus, node.memory);
            String model = caps.cpuModel() != null ? caps.cpuModel() : node.model;
            long freeKiB = freeMemoryKiB(c);
            return new HostInfo(c.getHostName(), hypervisorName(c.getType()), dotted(c.getVersion()), model,
                    node.memory, freeKiB, topology, caps.modes());
        });
    }

    /**
     * libvirt-java treats a free-memory answer of 0 as an error, and test-driver fixtures without
     * per-cell free memory answer exactly that: such a host reports 0 (unknown) instead of failing.
     */
    private static long freeMemoryKiB(LibvirtConnect c) {
        try {
            return c.getFreeMemory() / 1024;
        } catch (LibvirtException e) {
            return 0;
        }
    }

    /** "QEMU" stays, the test driver's "TEST" reads better as "Test". */
    private static String hypervisorName(String type) {
        return "TEST".equals(type) ? "Test" : type;
    }

    /** libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release. */
    static String dotted(long version) {
        return (version / 1_000_000) + "." + (version / 1_000 % 1_000) + "." + (version % 1_000);
    }

    /** The number of CPUs libvirt's cpumaps cover on this host. */
    int hostCpuCount() {
        NodeInfo node = nodeInfo();
        return node.maxCpus();
    }

    List<String> networks() {
        return domains.host("Listing the networks of " + domains.uri(), () -> sorted(
                domains.connect().listNetworks(), domains.connect().listDefinedNetworks()));
    }

    List<String> storagePools() {
        return domains.host("Listing the storage pools of " + domains.uri(), () -> sorted(
                domains.connect().listStoragePools(), domains.connect().listDefinedStoragePools()));
    }

    private static List<String> sorted(String[] active, String[] inactive) throws LibvirtException {
        TreeSet<String> names = new TreeSet<>(List.of(active));
        names.addAll(List.of(inactive));
        return new ArrayList<>(names);
    }
}
