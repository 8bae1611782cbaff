package org.duovirt.kvm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import org.duovirt.core.model.NetworkSpecValidator;
import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.Network;

/** libvirt virtual networks: list with the VMs on each, create from a spec, start, stop, delete, leases. */
final class KvmNetworks {
    private final Domains domains;

    KvmNetworks(Domains domains) {
        this.domains = domains;
    }

    /** A libvirt call on one network. */
    interface NetworkCall<T> {
        T call(Network network) throws LibvirtException;
    }

    List<NetworkInfo> list() {
        return domains.host("Listing the networks of " + domains.uri(), () -> {
            LibvirtConnect c = domains.connect();
            TreeSet<String> active = new TreeSet<>(List.of(c.listNetworks()));
            TreeSet<String> all = new TreeSet<>(active);
            all.addAll(List.of(c.listDefinedNetworks()));
            Map<String, List<String>> vms = vmsByNetwork();
            List<NetworkInfo> out = new ArrayList<>();
            for (String name : all) {
                Network n = c.networkLookupByName(name);
                try {
                    out.add(NetworkXml.read(n.getXMLDesc(0), active.contains(name), n.getAutostart(), true,
                            vms.getOrDefault(name, List.of())));
                } finally {
                    n.free();
                }
            }
            return out;
        });
    }

    NetworkInfo create(NetworkSpec spec) {
        List<String> problems = NetworkSpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        String what = "Creating network '" + spec.name() + "'";
        return domains.host(what, () -> {
            LibvirtConnect c = domains.connect();
            if (List.of(c.listNetworks()).contains(spec.name()) || List.of(c.listDefinedNetworks()).contains(spec.name())) {
                throw new InvalidSpecException("A network named '" + spec.name() + "' already exists on " + domains.uri() + ".");
            }
            Network n = c.networkDefineXML(NetworkXml.write(spec));
            try {
                n.create();
            } catch (LibvirtException e) {
                // A network that cannot start (its address is taken, dnsmasq missing) is not left defined.
                n.undefine();
                throw e;
            }
            try {
                return NetworkXml.read(n.getXMLDesc(0), true, n.getAutostart(), true, List.of());
            } finally {
                n.free();
            }
        });
    }

    void start(String name) {
        on(name, "Starting network '" + name + "'", n -> {
            n.create();
            return null;
        });
    }

    void stop(String name) {
        on(name, "Stopping network '" + name + "'", n -> {
            n.destroy();
            return null;
        });
    }

    void delete(String name) {
        on(name, "Deleting network '" + name + "'", n -> {
            if (n.isActive() == 1) {
                n.destroy();
            }
            n.undefine();
            return null;
        });
    }

    void setAutostart(String name, boolean autostart) {
        on(name, "Setting autostart of network '" + name + "'", n -> {
            n.setAutostart(autostart);
            return null;
        });
    }

    List<DhcpLease> leases(String name) {
        return on(name, "Reading the DHCP leases of network '" + name + "'", n -> {
            PointerByReference array = new PointerByReference();
            int count = LibvirtNative.INSTANCE.virNetworkGetDHCPLeases(NativeHandles.of(n), null, array, 0);
            if (count < 0) {
                throw NativeHandles.lastError("Reading the DHCP leases of network '" + name + "'");
            }
            List<DhcpLease> out = new ArrayList<>();
            Pointer leases = array.getValue();
            for (int i = 0; i < count; i++) {
                Pointer lease = leases.getPointer((long) i * Native.POINTER_SIZE);
                // virNetworkDHCPLease: iface @0, expirytime @8, type @16, mac @24, iaid @32, ipaddr @40, prefix @48, hostname @56.
                out.add(new DhcpLease(name, string(lease, 24), string(lease, 40), string(lease, 56),
                        Instant.ofEpochSecond(lease.getLong(8))));
                LibvirtNative.INSTANCE.virNetworkDHCPLeaseFree(lease);
            }
            if (leases != null) {
                Native.free(Pointer.nativeValue(leases));
            }
            return out;
        });
    }

    private static String string(Pointer struct, long offset) {
        Pointer p = struct.getPointer(offset);
        return p == null ? null : p.getString(0);
    }

    private <T> T on(String name, String what, NetworkCall<T> call) {
        return domains.host(what, () -> {
            Network n;
            try {
                n = domains.connect().networkLookupByName(name);
            } catch (LibvirtException e) {
                if (LibvirtErrors.hasCode(e, ErrorNumber.VIR_ERR_NO_NETWORK)) {
                    throw new InvalidSpecException("There is no network '" + name + "' on " + domains.uri() + ".");
                }
                throw e;
            }
            try {
                return call.call(n);
            } finally {
                n.free();
            }
        });
    }

    /** Network name → the VMs with a NIC on it. */
    private Map<String, List<String>> vmsByNetwork() throws LibvirtException {
        Map<String, List<String>> out = new TreeMap<>();
        for (Domain d : domains.connect().listAllDomains(0)) {
            try {
                String vm = d.getName();
                for (String network : new TreeSet<>(NetworkXml.networksOf(d.getXMLDesc(0)))) {
                    out.computeIfAbsent(network, k -> new ArrayList<>()).add(vm);
                }
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw e;
                }
            } finally {
                Domains.free(d);
            }
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }
}
