package org.duovirt.app.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.app.Messages;
import org.duovirt.core.model.VirtMode;

/**
 * The platform page's graphical console on a Xen host: a PV guest's framebuffer (vfb) or an HVM guest's VNC, which
 * qemu-system-xen in dom0 serves. Offered where the host has that device model and the mode can have one (not PVH);
 * greyed with the reason otherwise. Ticked for HVM, unticked for PV (as xl: each vfb is one more QEMU in dom0), each
 * time the mode changes. KVM VMs always get their VNC console, so nothing is shown there.
 */
final class FramebufferChoice {
    private final BooleanProperty wanted = new SimpleBooleanProperty(false);
    private VirtMode shownFor;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final StringProperty greyed = new SimpleStringProperty("");
    private boolean xen;
    private boolean deviceModel;

    /** Ticked: the VM gets a graphical console. */
    BooleanProperty wantedProperty() { return wanted; }

    /** True on a Xen host (the choice is shown there only). */
    ReadOnlyBooleanProperty shownProperty() { return shown; }

    /** True when the host and the mode can have one. */
    ReadOnlyBooleanProperty availableProperty() { return available; }

    /** Why it is greyed; empty when it is not. */
    ReadOnlyStringProperty greyedProperty() { return greyed; }

    void host(boolean isXen, boolean hasDeviceModel, VirtMode mode) {
        xen = isXen;
        deviceModel = hasDeviceModel;
        mode(mode);
    }

    void mode(VirtMode mode) {
        shown.set(xen);
        String reason = !xen ? "" : !deviceModel ? Messages.get("wizard.framebuffer.no-device-model")
                : mode == VirtMode.PVH ? Messages.get("wizard.framebuffer.pvh") : "";
        greyed.set(reason);
        available.set(xen && reason.isEmpty());
        if (mode != shownFor) {
            shownFor = mode;
            wanted.set(mode == VirtMode.HVM);
        }
    }

    /** The spec's choice: null on KVM (the backend's own), else ticked and possible. */
    Boolean forSpec() {
        return xen ? wanted.get() && available.get() : null;
    }
}
