package org.duovirt.app.wizard;

import java.util.List;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.spi.HostConnection;

/**
 * What the wizard needs to know of the chosen host, read once off the UI thread.
 *
 * @param info     memory, CPUs, modes; null when the host could not say
 * @param networks libvirt networks or Xen bridges
 * @param pools    storage pools or the Xen image directory
 * @param local    the host is this machine (its files can be browsed here)
 * @param dhcpNetworks the networks that hand out addresses, which a network boot (PXE) needs
 * @param graphics the host can give new VMs a graphical console (Xen: qemu-system-xen in dom0)
 */
record HostFacts(HostInfo info, List<String> networks, List<String> pools, boolean local, List<String> dhcpNetworks,
                 boolean graphics) {
    static final HostFacts UNKNOWN = new HostFacts(null, List.of(), List.of(), false, List.of(), false);

    /** Reads the facts; what the host cannot say stays empty rather than failing the wizard. */
    static HostFacts read(HostConnection c, String uri) {
        HostInfo info = c.hostInfo();
        List<String> networks = quietly(c::networks);
        List<String> pools = quietly(c::storagePools);
        List<String> dhcp = quietly(() -> c.networkInfos().stream().filter(n -> n.dhcpRange() != null).map(
                org.duovirt.core.model.NetworkInfo::name).toList());
        return new HostFacts(info, networks, pools, isLocal(uri), dhcp,
                c.features().contains(org.duovirt.core.spi.Feature.GRAPHICS_CONSOLE));
    }

    /** A URI without a host part (qemu:///system, xen:///) names this machine, whose files the wizard can browse. */
    static boolean isLocal(String uri) {
        try {
            String h = java.net.URI.create(uri).getHost();
            return h == null || h.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    boolean xen() {
        return info != null && "Xen".equalsIgnoreCase(info.hypervisor());
    }

    long memoryMiB() {
        return info == null ? Long.MAX_VALUE : info.totalMemoryKiB() / 1024;
    }

    int cpus() {
        return info == null || info.topology() == null ? Integer.MAX_VALUE : info.topology().cpuCount();
    }

    private static List<String> quietly(java.util.function.Supplier<List<String>> read) {
        try {
            return List.copyOf(read.get());
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
