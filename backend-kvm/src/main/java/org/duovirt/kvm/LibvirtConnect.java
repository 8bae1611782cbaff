package org.duovirt.kvm;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;

/** libvirt-java's Connect with its native handle exposed, for the functions libvirt-java does not bind. */
final class LibvirtConnect extends Connect {
    LibvirtConnect(String uri) throws LibvirtException {
        super(uri, false);
    }

    /** The virConnectPtr; valid until {@link #close()}. */
    Pointer pointer() {
        return vcp == null ? null : vcp.getPointer();
    }
}
