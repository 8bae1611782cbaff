package org.duovirt.kvm;

import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Limit;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.Units;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.ProgressListener;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;
import org.libvirt.StoragePoolInfo;
import org.libvirt.StorageVol;

/**
 * Creates (defines) a VM: checks, disk, definition. Whatever a step made is removed again when a
 * later step fails or the user cancels, before the error is rethrown.
 */
final class VmCreator {
    private static final int UNDEFINE_NVRAM = 4;
    private static final int DEFINE_VALIDATE = 1;
    private final Domains domains;
    private final HostReader host;
    private final SpecChecks checks;

    private final CpuModels cpuModels;

    VmCreator(Domains domains, HostReader host, KvmLimits limits) {
        this.domains = domains;
        this.host = host;
        this.cpuModels = new CpuModels(domains, host);
        this.checks = new SpecChecks(domains, host, limits, cpuModels);
    }

    /** The CPU models for a new VM of this mode (null: the host's default type). */
    List<org.duovirt.core.model.CpuModelOption> cpuModels(org.duovirt.core.model.VirtMode mode) {
        return cpuModels.forType(SpecChecks.domainType(mode, host.capabilities()));
    }

    VmSummary create(VmSpec spec, ProgressListener progress) {
        progress.progress("Checking the settings", 0.0);
        List<String> problems = checks.problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        Undo undo = new Undo();
        String what = "Creating VM '" + spec.name() + "'";
        try {
            HostCapabilities caps = host.capabilities();
            String diskPath = null;
            String diskFormat = null;
            boolean ownedDisk = false;
            if (spec.storage() instanceof VmSpec.Storage.NewDisk disk) {
                progress.progress("Creating a " + disk.sizeGiB() + " GiB disk", 0.2);
                StoragePools.Resolved pool = new StoragePools(domains.connect()).resolve(disk.pool());
                if (pool.createdHere()) {
                    undo.pool = pool.pool();
                }
                long bytes = Units.gibToBytes(disk.sizeGiB());
                checkPoolRoom(pool.pool(), disk, bytes, progress);
                diskFormat = newDiskFormat(disk);
                undo.volume = StoragePools.createDisk(pool.pool(), spec.name(), bytes, diskFormat);
                diskPath = undo.volume.getPath();
                ownedDisk = true;
            } else if (spec.storage() instanceof VmSpec.Storage.ImportDisk disk) {
                // Used as it is: never in undo, never recorded as owned, so no failure or delete removes it.
                diskPath = disk.path();
                diskFormat = new ExistingDisk(domains, checks.local()).format(disk.path());
            }
            String seedPath = null;
            if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
                progress.progress("Creating the disk on the cloud image", 0.2);
                StoragePools.Resolved pool = new StoragePools(domains.connect()).resolve(cloud.pool());
                if (pool.createdHere()) {
                    undo.pool = pool.pool();
                }
                CloudImageProbe.Result image = new CloudImageProbe(domains, checks.local()).probe(cloud.image());
                if (image.problem() != null) {
                    throw new InvalidSpecException(image.problem());
                }
                long bytes = Math.max(image.virtualBytes(), cloud.sizeGiB() == null ? 0 : Units.gibToBytes(cloud.sizeGiB()));
                undo.volume = StoragePools.createOverlay(pool.pool(), spec.name(), bytes, cloud.image(), image.format());
                diskPath = undo.volume.getPath();
                diskFormat = "qcow2";
                ownedDisk = true;
                checkCancelled(progress, spec);
                progress.progress("Building the cloud-init seed", 0.4);
                seedPath = CloudSeeds.place(domains, pool.pool(), spec.name(), cloud.cloudInit(), progress);
                undo.seedPath = seedPath;
            }
            checkCancelled(progress, spec);
            progress.progress("Defining the VM", 0.7);
            DomainPlan plan = plan(spec, caps, diskPath, diskFormat, ownedDisk, seedPath);
            undo.domain = spec.definition() == null ? domains.connect().domainDefineXML(DomainXmlWriter.write(plan))
                    : defineEdited(spec, ownedDisk ? diskPath : null, seedPath);
            checkCancelled(progress, spec);
            VmSummary summary = domains.summary(undo.domain);
            progress.progress("Created", 1.0);
            Domains.free(undo.domain);
            return summary;
        } catch (LibvirtException e) {
            undo.run();
            throw LibvirtErrors.failed(what, e);
        } catch (RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    /**
     * Defines the user's edit with libvirt's VALIDATE flag; it must still use the disk and seed this creation made
     * (their paths were predicted by the preview it was edited from), or they would be left unused.
     */
    private Domain defineEdited(VmSpec spec, String madeDisk, String madeSeed) throws LibvirtException {
        List<String> sources = EditedDefinition.diskSources(spec.definition());
        for (String made : java.util.Arrays.asList(madeDisk, madeSeed)) {
            if (made != null && !sources.contains(made)) {
                throw new InvalidSpecException("The edited definition does not use " + made + ", which creating VM '" + spec.name()
                        + "' made for it (the host chose another path than the preview, or the disk was edited out); nothing was kept."
                        + " Untick Customize and edit again.");
            }
        }
        com.sun.jna.Pointer defined = LibvirtNative.INSTANCE.virDomainDefineXMLFlags(domains.connect().pointer(), spec.definition(),
                DEFINE_VALIDATE);
        if (defined == null) {
            DuovirtException e = NativeHandles.lastError("Defining the edited definition of VM '" + spec.name() + "'");
            throw new DuovirtException(e.getMessage().replaceAll("\\.$", "") + "; nothing was kept.", e.hint(), e.details(), e);
        }
        LibvirtNative.INSTANCE.virDomainFree(defined);
        return domains.connect().domainLookupByName(spec.name());
    }

    /** The dry run: every problem with its field. */
    List<SpecProblem> check(VmSpec spec) {
        return checks.check(spec);
    }

    /** The domain XML {@link #create} would define, with the volume path it would choose now. */
    String preview(VmSpec spec) {
        if (spec.definition() != null) {
            return spec.definition(); // what create defines, once validated
        }
        try {
            HostCapabilities caps = host.capabilities();
            String diskPath = null;
            String diskFormat = null;
            boolean owned = false;
            if (spec.storage() instanceof VmSpec.Storage.NewDisk disk) {
                diskFormat = newDiskFormat(disk);
                diskPath = new StoragePools(domains.connect()).predictPath(disk.pool(), spec.name(), diskFormat);
                owned = true;
            } else if (spec.storage() instanceof VmSpec.Storage.ImportDisk disk) {
                diskPath = disk.path();
                diskFormat = new ExistingDisk(domains, checks.local()).format(disk.path());
            }
            String seedPath = null;
            if (spec.storage() instanceof VmSpec.Storage.CloudImage cloud) {
                StoragePools pools = new StoragePools(domains.connect());
                diskPath = pools.predictPath(cloud.pool(), spec.name(), "qcow2");
                diskFormat = "qcow2";
                owned = true;
                seedPath = pools.predictPath(cloud.pool(), CloudSeeds.stem(spec.name()), "iso");
            }
            return DomainXmlWriter.write(plan(spec, caps, diskPath, diskFormat, owned, seedPath));
        } catch (LibvirtException e) {
            throw LibvirtErrors.failed("Previewing VM '" + spec.name() + "'", e);
        }
    }

    private static DomainPlan plan(VmSpec spec, HostCapabilities caps, String diskPath, String diskFormat, boolean owned,
                                   String seedPath) {
        return new DomainPlan(spec.name(), Units.mibToKiB(spec.memoryMiB()), spec.vcpus(), SpecChecks.domainType(spec.mode(), caps),
                caps.arch(), spec.boot(), spec.firmware(), diskPath, diskFormat, owned, spec.network(), spec.vcpuPins(),
                spec.machine(), spec.osVariant(), seedPath, spec.nic(), spec.cpuModel());
    }

    /** qcow2 unless the user chose raw. */
    private static String newDiskFormat(VmSpec.Storage.NewDisk disk) {
        return disk.format() == null ? "qcow2" : disk.format();
    }

    /** Past the pool's capacity is refused unless the user insists; past its free space is said, then done. */
    private static void checkPoolRoom(StoragePool pool, VmSpec.Storage.NewDisk disk, long bytes, ProgressListener progress)
            throws LibvirtException {
        StoragePoolInfo info = pool.getInfo();
        Problem room = Bounds.diskInPool(bytes, "pool '" + pool.getName() + "'", info.capacity, info.available);
        if (room == null) {
            return;
        }
        if (room.limit() == Limit.DISK_CAPACITY && !disk.overcommit()) {
            throw new InvalidSpecException(room.text() + " Give a smaller size, or insist on a sparse disk that large (--overcommit-disk).");
        }
        progress.progress("Warning: " + room.text(), 0.2);
    }

    private static void checkCancelled(ProgressListener progress, VmSpec spec) {
        if (progress.isCancelled()) {
            throw new DuovirtException("Creating VM '" + spec.name() + "' was cancelled; nothing was kept.", (String) null);
        }
    }

    /** What this creation made so far, removed in reverse order. */
    private final class Undo {
        StoragePool pool;
        StorageVol volume;
        String seedPath;
        Domain domain;

        void run() {
            if (domain != null) {
                try {
                    domain.undefine(UNDEFINE_NVRAM);
                } catch (LibvirtException e) {
                    try {
                        domain.undefine();
                    } catch (LibvirtException ignored) {
                        // Best effort; the original error is what the user needs to see.
                    }
                }
            }
            if (seedPath != null) {
                CloudSeeds.remove(domains, seedPath);
            }
            if (volume != null) {
                try {
                    volume.delete(0);
                } catch (LibvirtException ignored) {
                    // Best effort, as above.
                }
            }
            if (pool != null) {
                StoragePools.forget(pool);
            }
        }
    }
}
