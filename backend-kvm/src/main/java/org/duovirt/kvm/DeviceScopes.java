package org.duovirt.kvm;

import java.util.EnumSet;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PinScope;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** Where a device change applies: LIVE only where the VM runs and the device can be plugged, CONFIG where it is persistent. */
final class DeviceScopes {
    private DeviceScopes() {
    }

    /**
     * @param notLive the sentence for a running VM whose device cannot be plugged, when nothing else was asked for
     * @throws InvalidSpecException when none of the asked scopes applies
     */
    static Set<PinScope> plan(Domain d, String vm, boolean pluggable, Set<PinScope> scopes, String notLive) throws LibvirtException {
        boolean running = d.isActive() == 1;
        Set<PinScope> done = EnumSet.noneOf(PinScope.class);
        if (scopes.contains(PinScope.LIVE) && running && pluggable) {
            done.add(PinScope.LIVE);
        }
        if (scopes.contains(PinScope.CONFIG) && d.isPersistent() == 1) {
            done.add(PinScope.CONFIG);
        }
        if (done.isEmpty()) {
            throw new InvalidSpecException(running && !pluggable ? notLive
                    : "Nothing to change: VM '" + vm + "' " + (running ? "has no saved definition" : "is not running")
                            + " and only that was asked for.");
        }
        return done;
    }
}
