package org.duovirt.app.wizard;

import java.util.List;
import java.util.Set;
import org.duovirt.app.Messages;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.VirtMode;

/** The modes a host's platform page offers, greyed with the reason where the host cannot run them. */
final class ModeChoices {
    private ModeChoices() {
    }

    /**
     * @param xen       true for a Xen host (PV, PVH, HVM), false for KVM (kvm, qemu)
     * @param supported what the host says it can run
     */
    static List<ModeChoice> of(boolean xen, Set<VirtMode> supported) {
        return of(xen, supported, false);
    }

    /** The same for a host's information: a Xen host on QEMU's emulated CPU says that is why HVM is greyed. */
    static List<ModeChoice> of(boolean xen, HostInfo info) {
        return of(xen, info.supportedModes(), xen && info.emulatedCpu());
    }

    private static List<ModeChoice> of(boolean xen, Set<VirtMode> supported, boolean emulated) {
        List<VirtMode> candidates = xen ? List.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM) : List.of(VirtMode.KVM, VirtMode.QEMU);
        return candidates.stream().map(m -> {
            boolean ok = supported.contains(m);
            String key = "wizard.mode." + m.cliName();
            String reason = ok ? null : Messages.get(key + (m == VirtMode.HVM && emulated ? ".emulated" : ".unavailable"));
            return new ModeChoice(m, ok, reason, Messages.get(key + ".tradeoff"));
        }).toList();
    }

    /** The best mode the host can run: kvm before qemu, PVH before PV before HVM for a kernel boot. */
    static VirtMode best(List<ModeChoice> choices, boolean iso) {
        List<VirtMode> order = iso ? List.of(VirtMode.KVM, VirtMode.HVM, VirtMode.QEMU)
                : List.of(VirtMode.KVM, VirtMode.PV, VirtMode.PVH, VirtMode.HVM, VirtMode.QEMU);
        for (VirtMode m : order) {
            if (choices.stream().anyMatch(c -> c.mode() == m && c.available())) {
                return m;
            }
        }
        return null;
    }
}
