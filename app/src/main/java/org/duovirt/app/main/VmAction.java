package org.duovirt.app.main;

import java.util.EnumSet;
import java.util.Set;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.Feature;

/** The VM actions of the toolbar and menus, with the states and host feature each needs. */
public enum VmAction {
    START(Feature.START, EnumSet.of(VmState.SHUTOFF, VmState.CRASHED, VmState.SUSPENDED, VmState.SAVED)),
    SHUTDOWN(Feature.SHUTDOWN, EnumSet.of(VmState.RUNNING)),
    REBOOT(Feature.REBOOT, EnumSet.of(VmState.RUNNING)),
    FORCE_OFF(Feature.DESTROY, EnumSet.of(VmState.RUNNING, VmState.PAUSED, VmState.OTHER, VmState.CRASHED)),
    SAVE(Feature.SAVE, EnumSet.of(VmState.RUNNING, VmState.PAUSED)),
    PAUSE(Feature.PAUSE, EnumSet.of(VmState.RUNNING)),
    RESUME(Feature.PAUSE, EnumSet.of(VmState.PAUSED)),
    CONSOLE(Feature.TEXT_CONSOLE, EnumSet.of(VmState.RUNNING, VmState.PAUSED)),
    /** Any state: while the VM is off the tab shows a placeholder and connects when it starts. */
    GRAPHICS(Feature.GRAPHICS_CHANNEL, EnumSet.allOf(VmState.class)),
    DETAILS(Feature.DETAILS, EnumSet.allOf(VmState.class)),
    PERFORMANCE(Feature.STATS, EnumSet.allOf(VmState.class)),
    DELETE(Feature.DELETE, EnumSet.of(VmState.SHUTOFF, VmState.CRASHED, VmState.SUSPENDED, VmState.SAVED)),
    PINNING(Feature.PIN_LIVE, EnumSet.allOf(VmState.class));

    private final Feature feature;
    private final Set<VmState> states;

    VmAction(Feature feature, Set<VmState> states) {
        this.feature = feature;
        this.states = states;
    }

    public Feature feature() {
        return feature;
    }

    /** Whether this action can run on the row now: host connected, feature supported, state fits. */
    public boolean allows(VmRow row) {
        return row.host().state() == HostState.CONNECTED && row.host().supports(feature)
                && row.state() != null && states.contains(row.state());
    }

    /** The bundle key of the action's label. */
    public String messageKey() {
        return "action." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
