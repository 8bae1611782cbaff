package org.duovirt.kvm;

import java.util.Set;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PinScope;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/**
 * A change applied scope by scope (saved configuration first, then the running VM) that says exactly
 * what happened: a live change asked of a stopped VM is refused before anything changes, and a live
 * step that fails after the saved one was made reports both.
 */
final class ScopedChange {
    /** One libvirt call for one scope's flags. */
    interface Step {
        void apply(Domain d, int flags) throws LibvirtException;
    }

    private ScopedChange() {
    }

    /** Before anything is changed: a live change of a stopped VM is refused, so no scope is half-done. */
    static void refuseLiveOnStopped(Domain d, String vm, Set<PinScope> scopes, String what) throws LibvirtException {
        if (scopes.contains(PinScope.LIVE) && d.isActive() != 1) {
            throw new DuovirtException("VM '" + vm + "' is not running, so " + what + " cannot change live; nothing was changed.",
                    scopes.contains(PinScope.CONFIG) ? "Use --config to change the saved configuration only, or start the VM first."
                            : "Start the VM first, or use --config.");
        }
    }

    /**
     * @param what   the change as a noun phrase, e.g. "the pinning of vCPU 0" (of VM 'x')
     */
    static void apply(Domain d, String vm, Set<PinScope> scopes, String what, Step step) throws LibvirtException {
        refuseLiveOnStopped(d, vm, scopes, what);
        boolean savedChanged = false;
        for (int flags : LifecycleOps.separate(scopes)) {
            try {
                step.apply(d, flags);
            } catch (LibvirtException | DuovirtException e) {
                if (!savedChanged) {
                    throw e;
                }
                String reason = e instanceof LibvirtException le ? LibvirtErrors.sentence(LibvirtErrors.message(le))
                        : ((DuovirtException) e).getMessage();
                throw new DuovirtException("The saved configuration of VM '" + vm + "' now has the new " + what.replaceFirst("^the ", "")
                        + ", but the change to the running VM failed: " + reason, "The running VM keeps its old settings until it restarts.",
                        reason, e);
            }
            savedChanged |= (flags & LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG) != 0;
        }
    }
}
