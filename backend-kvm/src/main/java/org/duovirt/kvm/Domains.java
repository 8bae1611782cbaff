package org.duovirt.kvm;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;

/** Finds domains by name, runs calls on them with errors translated, and summarises them. */
final class Domains {
    /** A libvirt call on the connection. */
    interface Call<T> {
        T call() throws LibvirtException;
    }

    /** A libvirt call on one domain. */
    interface DomainCall<T> {
        T call(Domain domain) throws LibvirtException;
    }

    /** A libvirt action on one domain with no result. */
    interface DomainAction {
        void run(Domain domain) throws LibvirtException;
    }

    private static final int LIST_ACTIVE = 1;
    private static final int XML_SECURE = 1;

    private final LibvirtConnect connect;
    private final String uri;

    Domains(LibvirtConnect connect, String uri) {
        this.connect = connect;
        this.uri = uri;
    }

    LibvirtConnect connect() {
        return connect;
    }

    String uri() {
        return uri;
    }

    /** @throws org.duovirt.core.error.VmNotFoundException when there is no such domain */
    Domain lookup(String vm) {
        try {
            return connect.domainLookupByName(vm);
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                throw LibvirtErrors.notFound(vm, uri);
            }
            throw LibvirtErrors.failed("Looking up VM '" + vm + "'", e);
        }
    }

    /** True when a domain of that name exists. */
    boolean exists(String vm) {
        try {
            free(connect.domainLookupByName(vm));
            return true;
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return false;
            }
            throw LibvirtErrors.failed("Looking up VM '" + vm + "'", e);
        }
    }

    /** Looks the VM up and calls {@code call}; {@code what} starts the error sentence ("Starting VM 'x'"). */
    <T> T with(String vm, String what, DomainCall<T> call) {
        Domain domain = lookup(vm);
        try {
            return call.call(domain);
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                throw LibvirtErrors.notFound(vm, uri);
            }
            throw LibvirtErrors.failed(what, e);
        } finally {
            free(domain);
        }
    }

    /**
     * Releases a domain handle now: each one holds a reference on the connection, and libvirt-java
     * would otherwise keep them until garbage collection.
     */
    static void freeVolume(org.libvirt.StorageVol volume) {
        try {
            volume.free();
        } catch (LibvirtException | RuntimeException e) {
            // Reclaimed with the connection.
        }
    }

    static void free(Domain domain) {
        try {
            domain.free();
        } catch (LibvirtException | RuntimeException e) {
            // A handle that cannot be freed is reclaimed with the connection.
        }
    }

    void run(String vm, String what, DomainAction action) {
        with(vm, what, d -> {
            action.run(d);
            return null;
        });
    }

    <T> T host(String what, Call<T> call) {
        try {
            return call.call();
        } catch (LibvirtException e) {
            throw LibvirtErrors.failed(what, e);
        }
    }

    List<VmSummary> list(boolean includeInactive) {
        Domain[] all = host("Listing the VMs of " + uri, () -> connect.listAllDomains(includeInactive ? 0 : LIST_ACTIVE));
        List<VmSummary> out = new ArrayList<>(all.length);
        for (Domain domain : all) {
            try {
                out.add(summary(domain));
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw LibvirtErrors.failed("Listing the VMs of " + uri, e);
                }
                // Undefined between the list and the query: it is simply gone.
            } finally {
                free(domain);
            }
        }
        return out;
    }

    VmSummary summary(String vm) {
        return with(vm, "Reading VM '" + vm + "'", this::summary);
    }

    VmSummary summary(Domain domain) throws LibvirtException {
        DomainInfo info = domain.getInfo();
        VmState state = withManagedSave(domain, StateMapping.state(info.state));
        int maxVcpus = info.nrVirtCpu;
        if (state.isActive()) {
            try {
                maxVcpus = domain.getMaxVcpus();
            } catch (LibvirtException e) {
                // Some drivers cannot tell; the current count is the best figure then.
            }
        }
        int id = state.isActive() ? domain.getID() : -1;
        return new VmSummary(domain.getName(), domain.getUUIDString(), state, id, info.nrVirtCpu, maxVcpus,
                info.memory, info.maxMem);
    }

    /** A managed-save image makes a shut-off VM "Saved" (virt-manager's word); a driver that cannot tell says no. */
    static VmState withManagedSave(Domain domain, VmState state) {
        if (state != VmState.SHUTOFF) {
            return state;
        }
        try {
            return domain.hasManagedSaveImage() == 1 ? VmState.SAVED : state;
        } catch (LibvirtException e) {
            return state;
        }
    }

    VmState state(String vm) {
        return with(vm, "Reading the state of VM '" + vm + "'", d -> withManagedSave(d, StateMapping.state(d.getInfo().state)));
    }

    /**
     * The VM's saved definition with its secrets (VIR_DOMAIN_XML_SECURE: a display password): what an edit rewrites
     * and defines again, so that nothing secret is lost by the rewrite.
     */
    static String savedWithSecrets(Domain d) throws LibvirtException {
        return d.getXMLDesc(StorageOwnership.XML_INACTIVE | XML_SECURE);
    }

    /** The domain XML: live when running, else the persistent definition. */
    String xml(String vm, int flags) {
        return with(vm, "Reading the definition of VM '" + vm + "'", d -> d.getXMLDesc(flags));
    }

    static DuovirtException wrap(String what, LibvirtException e) {
        return LibvirtErrors.failed(what, e);
    }
}
