package org.duovirt.kvm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.VmLimits;
import org.libvirt.LibvirtException;
import org.w3c.dom.Element;

/**
 * The host's bounds for a VM: the vCPU maximum from libvirt's domain capabilities for the VM's own
 * emulator, architecture, machine type and domain type (QEMU's pc allows 255, q35 4096 with KVM),
 * and the host's memory. Capabilities are read once per combination and connection.
 */
final class KvmLimits {
    private static final int XML_INACTIVE = 2;
    private final Domains domains;
    private final HostReader host;
    private final Map<String, Integer> maxVcpus = new ConcurrentHashMap<>();

    KvmLimits(Domains domains, HostReader host) {
        this.domains = domains;
        this.host = host;
    }

    /** @param vm an existing VM, or null for a new VM of the host's default domain type */
    VmLimits limits(String vm) {
        long hostMiB = host.nodeInfo().memory / 1024;
        if (vm == null) {
            return new VmLimits(maxVcpus(null, host.capabilities().arch(), null, host.capabilities().defaultDomainType()), hostMiB);
        }
        Element domain = Xml.parse(domains.xml(vm, XML_INACTIVE));
        Element type = Xml.path(domain, "os", "type");
        Element emulator = Xml.path(domain, "devices", "emulator");
        int max = maxVcpus(emulator == null ? null : Xml.text(emulator), type == null ? null : Xml.attr(type, "arch"),
                type == null ? null : Xml.attr(type, "machine"), Xml.attr(domain, "type"));
        return new VmLimits(max, hostMiB);
    }

    /** A new VM of that domain type on the host's architecture. */
    int maxVcpusForNew(String domainType) {
        return maxVcpus(null, host.capabilities().arch(), null, domainType);
    }

    void requireVcpus(String vm, int count) {
        Bounds.require(count < 1 ? Bounds.vcpus(count, 1) : Bounds.vcpus(count, limits(vm).maxVcpus()));
    }

    void requireMemory(String vm, long mib) {
        Problem p = Bounds.memory(mib, Long.MAX_VALUE);
        Bounds.require(p == null ? Bounds.memory(mib, host.nodeInfo().memory / 1024) : p);
    }

    private int maxVcpus(String emulator, String arch, String machine, String virtType) {
        String key = emulator + "|" + arch + "|" + machine + "|" + virtType;
        return maxVcpus.computeIfAbsent(key, k -> read(emulator, arch, machine, virtType));
    }

    private int read(String emulator, String arch, String machine, String virtType) {
        String xml = DomainCapabilities.read(domains, emulator, arch, machine, virtType);
        if (xml != null) {
            Element vcpu = Xml.child(Xml.parse(xml), "vcpu");
            int max = vcpu == null ? -1 : Xml.intAttr(vcpu, "max", -1);
            if (max > 0) {
                return Math.min(max, Bounds.ABSOLUTE_MAX_VCPUS);
            }
        }
        // Drivers without domain capabilities (the test driver) still know their per-type maximum.
        try {
            int max = domains.connect().getMaxVcpus(virtType == null ? host.capabilities().defaultDomainType() : virtType);
            return max > 0 ? Math.min(max, Bounds.ABSOLUTE_MAX_VCPUS) : Bounds.ABSOLUTE_MAX_VCPUS;
        } catch (LibvirtException e) {
            throw new InvalidSpecException("Could not read the vCPU limit of " + domains.uri() + ": "
                    + LibvirtErrors.sentence(LibvirtErrors.message(e)));
        }
    }
}
