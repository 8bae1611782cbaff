package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the host's devices must not be given to a VM, and why: bridges (the host's own PCI topology), the device
 * holding the disk the host runs from, the NIC carrying its network connection (or its only NIC), USB root hubs.
 * Giving one away would take it from the host the moment the VM starts (managed devices are unbound from their
 * host driver). On a remote host Duovirt cannot tell the boot disk or the route, so it keeps every disk controller
 * and every PCI device with a NIC whose link is up.
 */
final class HostDeviceGuard {
    private final Map<String, NodeDevice> byName = new HashMap<>();
    private final List<NodeDevice> all;
    private final HostFacts facts;

    HostDeviceGuard(List<NodeDevice> devices, HostFacts facts) {
        this.all = List.copyOf(devices);
        this.facts = facts;
        for (NodeDevice d : devices) {
            byName.put(d.name(), d);
        }
    }

    /** Why {@code device} must stay with the host, or null when it may be given to a VM. */
    String refusal(NodeDevice device) {
        if (device.isPci() && device.pciClass() >= 0 && device.pciClass() >> 16 == 0x06) {
            return (device.pciClass() >> 8 == 0x0600 ? "a host bridge" : "a bridge") + " of the host's own PCI topology";
        }
        if (device.isUsb() && "1d6b".equals(device.vendorId())) {
            return "a USB root hub of the host";
        }
        for (String disk : facts.rootDisks()) {
            if (device.sysPath() != null && disk.startsWith(device.sysPath() + "/")) {
                return "it holds the host's boot disk" + blockOf(device);
            }
        }
        List<NodeDevice> below = below(device);
        if (!facts.known()) {
            for (NodeDevice d : below) {
                if ("storage".equals(d.type())) {
                    return "it holds the host's disk " + d.net() + " (over a remote connection Duovirt cannot tell the boot disk)";
                }
            }
        }
        for (NodeDevice nic : below) {
            if (!"net".equals(nic.type()) || nic.net() == null) {
                continue;
            }
            if (nic.net().equals(facts.routeInterface())) {
                return "it carries " + nic.net() + ", the host's network connection";
            }
            if (onlyNic(device)) {
                return "it carries " + nic.net() + ", the host's only network card";
            }
            if (!facts.known() && nic.linkUp()) {
                return "it carries " + nic.net() + ", which is up (over a remote connection Duovirt cannot tell the host's route)";
            }
        }
        return null;
    }

    private String blockOf(NodeDevice device) {
        for (NodeDevice d : below(device)) {
            if ("storage".equals(d.type()) && d.net() != null) {
                return " " + d.net();
            }
        }
        return "";
    }

    /** Whether no other PCI device has a NIC below it. */
    private boolean onlyNic(NodeDevice device) {
        for (NodeDevice d : all) {
            if (d.isPci() && d != device && below(d).stream().anyMatch(n -> "net".equals(n.type()))) {
                return false;
            }
        }
        return true;
    }

    /** The devices whose parent chain reaches {@code device}. */
    List<NodeDevice> below(NodeDevice device) {
        List<NodeDevice> out = new ArrayList<>();
        for (NodeDevice d : all) {
            NodeDevice up = d;
            // The parent chain is short (a disk: storage, scsi, target, host, PCI); the bound stops a loop.
            for (int hops = 0; hops < 16 && up != null && up.parent() != null; hops++) {
                if (up.parent().equals(device.name())) {
                    out.add(d);
                    break;
                }
                up = byName.get(up.parent());
            }
        }
        return out;
    }
}
