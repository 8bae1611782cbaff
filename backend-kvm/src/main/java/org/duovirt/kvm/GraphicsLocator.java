package org.duovirt.kvm;

import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.GraphicsEndpoint;
import org.libvirt.LibvirtException;

/** Where a running VM's VNC or SPICE display listens, from its live domain XML. */
final class GraphicsLocator {
    private static final int XML_SECURE = 1;
    private final Domains domains;

    GraphicsLocator(Domains domains) {
        this.domains = domains;
    }

    GraphicsEndpoint graphics(String vm) {
        String xml = domains.with(vm, "Reading the graphical console of VM '" + vm + "'", d -> {
            try {
                // The secure form carries the console password; read-only users may not see it.
                return d.getXMLDesc(XML_SECURE);
            } catch (LibvirtException e) {
                return d.getXMLDesc(0);
            }
        });
        DomainDescription description = DomainXmlReader.read(xml);
        if (description.graphics().isEmpty()) {
            throw new DuovirtException("VM '" + vm + "' has no graphical console.",
                    "Add a VNC or SPICE display to it, or use its text console.");
        }
        GraphicsEndpoint endpoint = description.graphics().stream().filter(g -> "vnc".equals(g.protocol()))
                .findFirst().orElse(description.graphics().get(0));
        if (endpoint.port() < 0 && endpoint.socketPath() == null) {
            throw new DuovirtException("VM '" + vm + "' is not running, so its graphical console has no port yet.",
                    "Start the VM first.");
        }
        return endpoint;
    }
}
