package org.duovirt.app.details;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.VmRow;

/**
 * Waits for a renamed VM's row: the host's list shows the new name after its next refresh (libvirt's
 * rename event), and the details are then opened again for that row. Runs on the UI thread.
 */
public final class RenamedVm {
    private RenamedVm() {
    }

    /** Calls {@code open} once with the row named {@code name}, now if it is listed, else when it appears. */
    public static void whenListed(HostSession host, String name, Consumer<VmRow> open) {
        VmRow now = find(host, name);
        if (now != null) {
            open.accept(now);
            return;
        }
        host.vms().addListener(new ListChangeListener<VmRow>() {
            @Override
            public void onChanged(Change<? extends VmRow> c) {
                VmRow row = find(host, name);
                if (row != null) {
                    host.vms().removeListener(this);
                    open.accept(row);
                }
            }
        });
    }

    private static VmRow find(HostSession host, String name) {
        return host.vms().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
