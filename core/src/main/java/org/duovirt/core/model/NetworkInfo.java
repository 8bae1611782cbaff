package org.duovirt.core.model;

import java.util.List;

/**
 * A virtual network (libvirt) or a dom0 bridge (Xen).
 *
 * @param mode      nat, route, open, bridge … or "isolated" when there is no forwarding; "bridge" for a Xen bridge
 * @param bridge    the host bridge device, or null when the network is not running and has none yet
 * @param address   the host's IPv4 address in CIDR form ("192.168.150.1/24"), or null
 * @param dhcpRange "first - last", or null when the network hands out no addresses
 * @param vms       the VMs with a NIC on it (known for Xen bridges and libvirt networks)
 */
public record NetworkInfo(String name, boolean active, boolean autostart, boolean persistent, String mode,
                          String bridge, String address, String dhcpRange, List<String> vms) {
    public NetworkInfo {
        vms = List.copyOf(vms);
    }
}
