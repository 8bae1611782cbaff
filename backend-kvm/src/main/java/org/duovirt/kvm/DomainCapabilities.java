package org.duovirt.kvm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** libvirt's domain capabilities XML for an emulator, architecture, machine and domain type (any may be null). */
final class DomainCapabilities {
    private DomainCapabilities() {
    }

    /** @return the XML, or null when the driver has none (the test driver) */
    static String read(Domains domains, String emulator, String arch, String machine, String virtType) {
        Pointer xml = LibvirtNative.INSTANCE.virConnectGetDomainCapabilities(domains.connect().pointer(), emulator, arch,
                machine, virtType, 0);
        if (xml == null) {
            return null;
        }
        try {
            return xml.getString(0);
        } finally {
            Native.free(Pointer.nativeValue(xml));
        }
    }
}
