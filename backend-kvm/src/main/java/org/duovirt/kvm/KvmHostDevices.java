package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.HostDevice;
import org.duovirt.core.model.HostDeviceList;
import org.duovirt.core.model.PinScope;
import org.libvirt.Device;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;

/**
 * The host's PCI and USB devices from libvirt's node devices, and giving them to VMs as {@code <hostdev>}. PCI
 * devices go into the saved definition only (a live PCI hot-plug would unbind the host's driver at once); USB also
 * into a running VM. Nothing here detaches a host driver (no virNodeDeviceDettach): libvirt does that for a managed
 * device only when the VM starts.
 */
final class KvmHostDevices {
    private static final List<String> CAPS = List.of("pci", "usb_device", "net", "storage");
    private final Domains domains;
    private final boolean local;

    KvmHostDevices(Domains domains, boolean local) {
        this.domains = domains;
        this.local = local;
    }

    HostDeviceList list() {
        List<NodeDevice> nodes = nodeDevices();
        HostDeviceGuard guard = new HostDeviceGuard(nodes, local ? HostFacts.local() : HostFacts.UNKNOWN);
        List<HostdevUse> uses = uses();
        List<HostDevice> out = new ArrayList<>();
        boolean iommu = false;
        for (NodeDevice n : nodes) {
            if (!n.isPci() && !n.isUsb() || n.vendorId() == null || n.productId() == null) {
                continue;
            }
            iommu |= n.iommu() != null;
            HostDevice d = new HostDevice(n.name(), n.isPci() ? HostDevice.Bus.PCI : HostDevice.Bus.USB, n.address(),
                    n.vendorId(), n.productId(), n.vendor(), n.product(), n.driver(), n.iommu(), guard.refusal(n), List.of());
            Set<String> users = new LinkedHashSet<>();
            for (HostdevUse u : uses) {
                if (u.source().is(d)) {
                    users.add(u.vm());
                }
            }
            out.add(d.withUsers(List.copyOf(users)));
        }
        out.sort(Comparator.comparing(HostDevice::bus).thenComparing(HostDevice::address));
        return new HostDeviceList(out, iommu);
    }

    Set<PinScope> attach(String vm, String word, Set<PinScope> scopes) {
        HostDeviceList all = list();
        HostDevice d = all.find(word);
        if (!d.allowed()) {
            throw new InvalidSpecException(d.bus() + " device " + d.address() + " stays with the host: " + d.refused() + ".");
        }
        boolean twin = d.bus() == HostDevice.Bus.USB && all.devices().stream()
                .filter(o -> o.bus() == HostDevice.Bus.USB && o.ids().equals(d.ids())).count() > 1;
        String xml = HostdevSource.xml(d, twin);
        String what = "Giving VM '" + vm + "' the host's " + d.bus() + " device " + d.address();
        return domains.with(vm, what, dom -> {
            if (d.usedBy().contains(vm)) {
                throw new InvalidSpecException("VM '" + vm + "' has the host's " + d.bus() + " device " + d.address() + " already.");
            }
            Set<PinScope> done = DeviceScopes.plan(dom, vm, d.bus() == HostDevice.Bus.USB, scopes, refusal("plug a host PCI device into", vm));
            dom.attachDeviceFlags(xml, LifecycleOps.flags(done));
            return done;
        });
    }

    Set<PinScope> detach(String vm, String word, Set<PinScope> scopes) {
        if (word == null || word.isBlank()) {
            throw new InvalidSpecException("Say which host device to take from VM '" + vm + "'.");
        }
        HostDevice listed = null;
        try {
            listed = list().find(word);
        } catch (org.duovirt.core.error.DuovirtException e) {
            // Not (or no longer) on the host, or the host's list cannot be read: the VM's own words may still name it.
        }
        HostDevice known = listed;
        return domains.with(vm, "Taking a host device from VM '" + vm + "'", dom -> {
            boolean running = dom.isActive() == 1;
            Element def = Xml.parse(dom.getXMLDesc(running ? 0 : StorageOwnership.XML_INACTIVE));
            Element match = null;
            for (Element h : Xml.children(Xml.child(def, "devices"), "hostdev")) {
                HostdevSource s = HostdevSource.of(h);
                if (s != null && (known != null ? s.is(known) : s.answersTo(word))) {
                    match = h;
                }
            }
            if (match == null) {
                Element saved = Xml.parse(dom.getXMLDesc(StorageOwnership.XML_INACTIVE));
                for (Element h : Xml.children(Xml.child(saved, "devices"), "hostdev")) {
                    HostdevSource s = HostdevSource.of(h);
                    if (s != null && (known != null ? s.is(known) : s.answersTo(word))) {
                        match = h;
                    }
                }
            }
            if (match == null) {
                throw new InvalidSpecException("VM '" + vm + "' has no host device '"
                        + org.duovirt.core.model.DeviceInputs.printable(word) + "'.");
            }
            boolean usb = "usb".equals(Xml.attr(match, "type"));
            Set<PinScope> done = DeviceScopes.plan(dom, vm, usb, scopes, refusal("unplug a host PCI device from", vm));
            dom.detachDeviceFlags(Xml.serialize(match), LifecycleOps.flags(done));
            return done;
        });
    }

    private static String refusal(String action, String vm) {
        return "Duovirt does not " + action + " the running VM '" + vm + "'; change its saved definition instead (--config).";
    }

    /** Every VM's host devices, saved and running. */
    private List<HostdevUse> uses() {
        List<HostdevUse> out = new ArrayList<>();
        Domain[] all = domains.host("Listing the VMs of " + domains.uri(), () -> domains.connect().listAllDomains(0));
        for (Domain d : all) {
            try {
                String name = d.getName();
                List<String> xmls = new ArrayList<>();
                xmls.add(d.getXMLDesc(d.isPersistent() == 1 ? StorageOwnership.XML_INACTIVE : 0));
                if (d.isActive() == 1) {
                    xmls.add(d.getXMLDesc(0));
                }
                for (String xml : xmls) {
                    for (Element h : Xml.children(Xml.child(Xml.parse(xml), "devices"), "hostdev")) {
                        HostdevSource s = HostdevSource.of(h);
                        if (s != null) {
                            out.add(new HostdevUse(name, s));
                        }
                    }
                }
            } catch (LibvirtException e) {
                // Undefined between the list and the read: it uses nothing any more.
            } finally {
                Domains.free(d);
            }
        }
        return out;
    }

    private record HostdevUse(String vm, HostdevSource source) {
    }

    private List<NodeDevice> nodeDevices() {
        return domains.host("Listing the host's devices on " + domains.uri(), () -> {
            List<NodeDevice> out = new ArrayList<>();
            for (String cap : CAPS) {
                for (String name : domains.connect().listDevices(cap)) {
                    Device dev;
                    try {
                        dev = domains.connect().deviceLookupByName(name);
                    } catch (LibvirtException e) {
                        continue; // unplugged between the list and the lookup
                    }
                    try {
                        out.add(NodeDevice.parse(dev.getXMLDescription()));
                    } catch (IllegalArgumentException e) {
                        // A device whose XML lacks its address is not one to give away.
                    } finally {
                        dev.free();
                    }
                }
            }
            return out;
        });
    }
}
