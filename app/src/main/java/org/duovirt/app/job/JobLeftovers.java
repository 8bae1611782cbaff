package org.duovirt.app.job;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.duovirt.app.Messages;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * What a creating job (new VM, clone) may leave on a host it lost: the VM, removed with the storage Duovirt
 * made for it; and volumes that appeared while it ran but belong to no VM (a disk made, or half copied, before
 * the definition), which cannot be told apart from the user's own and so are named to the user, not deleted.
 */
public final class JobLeftovers {
    private final Set<String> volumesBefore;

    private JobLeftovers(Set<String> volumesBefore) {
        this.volumesBefore = volumesBefore;
    }

    /** Notes the host's volumes before the job makes anything (nothing on hosts without pools). */
    public static JobLeftovers before(HostConnection c) {
        try {
            return new JobLeftovers(c.supports(Feature.STORAGE_POOLS) ? volumes(c) : null);
        } catch (org.duovirt.core.error.NotSupportedException e) {
            return new JobLeftovers(null);
        }
    }

    /** The removal of the VM {@code name} and a check for new volumes no VM uses, for {@link HostLossGuard#making}. */
    public Consumer<HostConnection> vm(String name, String host) {
        return c -> {
            removeVm(c, name);
            if (volumesBefore == null || !c.supports(Feature.STORAGE_POOLS)) {
                return;
            }
            Set<String> unused = new TreeSet<>();
            for (PoolInfo pool : c.pools().stream().filter(PoolInfo::active).toList()) {
                for (VolumeInfo v : c.volumes(pool.name())) {
                    if (v.usedBy().isEmpty() && !volumesBefore.contains(v.path())) {
                        unused.add(v.path());
                    }
                }
            }
            if (!unused.isEmpty()) {
                throw new Kept(Messages.get("job.leftover-volumes", host, String.join(", ", unused)), Messages.get("job.leftover-volumes.hint"));
            }
        };
    }

    /** Stops the VM if it runs and deletes it with the storage Duovirt made for it; nothing when it is not there. */
    public static void removeVm(HostConnection c, String name) {
        var vm = c.listVms(true).stream().filter(v -> v.name().equals(name)).findFirst();
        if (vm.isEmpty()) {
            return;
        }
        if (vm.get().state().isActive()) {
            c.destroy(name);
        }
        c.delete(name, true);
    }

    private static Set<String> volumes(HostConnection c) {
        Set<String> paths = new java.util.HashSet<>();
        for (PoolInfo pool : c.pools().stream().filter(PoolInfo::active).toList()) {
            c.volumes(pool.name()).forEach(v -> paths.add(v.path()));
        }
        return paths;
    }

    /** Leftovers that are named to the user as they are, not as a failed removal. */
    static final class Kept extends DuovirtException {
        private static final long serialVersionUID = 1L;

        Kept(String message, String hint) {
            super(message, hint);
        }
    }
}
