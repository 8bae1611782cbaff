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
    private final String pool;

    private JobLeftovers(Set<String> volumesBefore, String pool) {
        this.volumesBefore = volumesBefore;
        this.pool = pool;
    }

    /** What a journal entry noted ({@link RemovalJournal}); {@code volumesBefore} null: no pool is checked. */
    public static JobLeftovers of(Set<String> volumesBefore, String pool) {
        return new JobLeftovers(volumesBefore, pool);
    }

    /** The volume paths noted before the job, or null. */
    public Set<String> volumesBefore() {
        return volumesBefore;
    }

    /** The one pool noted, or null (every pool, or none). */
    public String pool() {
        return pool;
    }

    /** Notes the volumes of every pool before the job makes anything (nothing on hosts without pools). */
    public static JobLeftovers before(HostConnection c) {
        return before(c, null);
    }

    /**
     * Notes the volumes of the one pool the job writes into ({@code null}: every pool), before it makes anything.
     * One pool is a few calls; every pool's volumes with their users cost a creation ~150 ms on a busy host.
     */
    public static JobLeftovers before(HostConnection c, String pool) {
        try {
            return new JobLeftovers(c.supports(Feature.STORAGE_POOLS) ? volumes(c, pool) : null, pool);
        } catch (org.duovirt.core.error.NotSupportedException e) {
            return new JobLeftovers(null, pool);
        }
    }

    /** For a creation: the pool its new disk goes into is noted; with no new disk only the VM is removed. */
    public static JobLeftovers forCreation(HostConnection c, org.duovirt.core.model.VmSpec spec) {
        return spec.storage() instanceof org.duovirt.core.model.VmSpec.Storage.NewDisk disk ? before(c, disk.pool()) : new JobLeftovers(null, null);
    }

    /** The removal of the VM {@code name} and a check for new volumes no VM uses, for {@link HostLossGuard#making}. */
    public Consumer<HostConnection> vm(String name, String host) {
        return c -> {
            removeVm(c, name);
            if (volumesBefore == null || !c.supports(Feature.STORAGE_POOLS)) {
                return;
            }
            Set<String> unused = new TreeSet<>();
            for (String poolName : poolNames(c, pool)) {
                for (VolumeInfo v : c.volumes(poolName)) {
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

    private static Set<String> volumes(HostConnection c, String pool) {
        Set<String> paths = new java.util.HashSet<>();
        for (String name : poolNames(c, pool)) {
            c.volumes(name).forEach(v -> paths.add(v.path()));
        }
        return paths;
    }

    private static java.util.List<String> poolNames(HostConnection c, String pool) {
        return pool != null ? java.util.List.of(pool) : c.pools().stream().filter(PoolInfo::active).map(PoolInfo::name).toList();
    }

    /** Leftovers that are named to the user as they are, not as a failed removal. */
    static final class Kept extends DuovirtException {
        private static final long serialVersionUID = 1L;

        Kept(String message, String hint) {
            super(message, hint);
        }
    }
}
