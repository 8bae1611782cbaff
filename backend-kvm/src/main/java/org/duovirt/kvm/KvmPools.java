package org.duovirt.kvm;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolSpecValidator;
import org.duovirt.core.model.PoolTypeSupport;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.libvirt.StoragePool;

/** libvirt storage pools themselves: the types a host offers, define from a spec, start, stop, autostart, delete. */
final class KvmPools {
    private final Domains domains;
    private final KvmStorage storage;
    private final boolean local;

    /** @param local the host is this machine, so a target can be looked at before libvirt is asked */
    KvmPools(Domains domains, KvmStorage storage, boolean local) {
        this.domains = domains;
        this.storage = storage;
        this.local = local;
    }

    List<PoolTypeSupport> types() {
        String xml = domains.host("Reading the storage pool types of " + domains.uri(), () -> {
            Pointer p;
            try {
                p = LibvirtNative.INSTANCE.virConnectGetStoragePoolCapabilities(domains.connect().pointer(), 0);
            } catch (UnsatisfiedLinkError e) {
                return null; // libvirt before 5.2: no capabilities to ask; libvirt itself refuses what it lacks
            }
            if (p == null) {
                return null;
            }
            try {
                return p.getString(0);
            } finally {
                Native.free(Pointer.nativeValue(p));
            }
        });
        if (xml == null) {
            return java.util.Arrays.stream(PoolSpec.Type.values()).map(t -> new PoolTypeSupport(t, true, null)).toList();
        }
        return PoolXml.types(xml, domains.uri());
    }

    PoolInfo create(PoolSpec spec) {
        List<PoolSpecValidator.Problem> problems = PoolSpecValidator.problems(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems.stream().map(PoolSpecValidator.Problem::message).toList());
        }
        String what = "Creating storage pool '" + spec.name() + "'";
        return domains.host(what, () -> {
            LibvirtConnect c = domains.connect();
            if (List.of(c.listStoragePools()).contains(spec.name()) || List.of(c.listDefinedStoragePools()).contains(spec.name())) {
                throw new InvalidSpecException("A storage pool named '" + spec.name() + "' already exists on " + domains.uri() + ".");
            }
            rejectUnsupported(spec.type());
            rejectNonDirectory(spec.target());
            StoragePool pool = c.storagePoolDefineXML(PoolXml.write(spec), 0);
            try {
                if (spec.build()) {
                    pool.build(0);
                }
                if (spec.start()) {
                    pool.create(0);
                }
                if (spec.autostart()) {
                    pool.setAutostart(1);
                }
            } catch (LibvirtException e) {
                // A pool that cannot be built or started is not left behind half made.
                try {
                    if (pool.isActive() == 1) {
                        pool.destroy();
                    }
                    pool.undefine();
                } catch (LibvirtException ignored) {
                    // The first error is the one to tell.
                }
                throw e;
            } finally {
                free(pool);
            }
            return storage.pools().stream().filter(p -> p.name().equals(spec.name())).findFirst().orElseThrow();
        });
    }

    void start(String name) {
        on(name, "Starting storage pool '" + name + "'", p -> p.create(0));
    }

    void stop(String name) {
        on(name, "Stopping storage pool '" + name + "'", StoragePool::destroy);
    }

    void setAutostart(String name, boolean autostart) {
        on(name, "Setting autostart of storage pool '" + name + "'", p -> p.setAutostart(autostart ? 1 : 0));
    }

    void refresh(String name) {
        on(name, "Refreshing storage pool '" + name + "'", p -> {
            if (p.isActive() != 1) {
                throw new DuovirtException("Refreshing storage pool '" + name + "' failed: it is not running.", "Start the pool first.");
            }
            p.refresh(0);
        });
    }

    void delete(String name, boolean deleteTarget, boolean evenIfUsed) {
        String what = "Deleting storage pool '" + name + "'";
        on(name, what, p -> {
            org.w3c.dom.Element xml = Xml.parse(p.getXMLDesc(0));
            String type = Xml.attr(xml, "type");
            String target = Xml.text(Xml.path(xml, "target", "path"));
            if (deleteTarget && "logical".equals(type)) {
                throw new InvalidSpecException("Pool '" + name + "' is a volume group; Duovirt removes only a target "
                        + "directory, so remove the volume group with LVM's tools if you mean to.");
            }
            List<String> users = usersUnder(target);
            if (!users.isEmpty() && !evenIfUsed) {
                throw new DuovirtException("Storage pool '" + name + "' holds disks of " + KvmStorage.vmList(users)
                        + "; it was not deleted.", "Remove those disks from the VMs first, or confirm that they lose them (--yes).");
            }
            if (deleteTarget && p.isActive() == 1) {
                p.refresh(0);
                List<String> volumes = new ArrayList<>(new TreeSet<>(List.of(p.listVolumes())));
                if (!volumes.isEmpty()) {
                    throw new InvalidSpecException("The target " + target + " of pool '" + name + "' still holds "
                            + String.join(", ", volumes) + "; delete those volumes first or keep the directory.");
                }
            }
            if (p.isActive() == 1) {
                p.destroy();
            }
            if (deleteTarget) {
                try {
                    p.delete(0); // dir, fs, netfs: rmdir, which fails on a directory that is not empty
                } catch (LibvirtException e) {
                    throw new DuovirtException("Removing the target " + target + " of pool '" + name + "' failed: "
                            + LibvirtErrors.message(e) + "; the pool is stopped and still defined.",
                            "Empty the directory and delete again, or delete without removing the directory.");
                }
            }
            p.undefine();
        });
    }

    /** The VMs with a disk inside {@code target} (the pool's volumes), running or not, whatever the pool's state. */
    private List<String> usersUnder(String target) throws LibvirtException {
        if (target == null) {
            return List.of();
        }
        String prefix = target.endsWith("/") ? target : target + "/";
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, List<String>> e : DiskUsers.byPath(domains.connect()).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.addAll(e.getValue());
            }
        }
        return new ArrayList<>(out);
    }

    private void rejectUnsupported(PoolSpec.Type type) {
        for (PoolTypeSupport t : types()) {
            if (t.type() == type && !t.supported()) {
                throw new InvalidSpecException(t.reason());
            }
        }
    }

    private void rejectNonDirectory(String target) {
        if (local && target != null) {
            Path path = Path.of(target);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new InvalidSpecException("The target " + target + " exists and is not a directory; choose a directory "
                        + "or a path that does not exist yet.");
            }
        }
    }

    /** A libvirt call on one pool. */
    interface PoolAction {
        void run(StoragePool pool) throws LibvirtException;
    }

    private void on(String name, String what, PoolAction action) {
        domains.host(what, () -> {
            StoragePool pool;
            try {
                pool = domains.connect().storagePoolLookupByName(name);
            } catch (LibvirtException e) {
                if (LibvirtErrors.hasCode(e, ErrorNumber.VIR_ERR_NO_STORAGE_POOL)) {
                    throw new InvalidSpecException("There is no storage pool '" + name + "' on " + domains.uri() + ".");
                }
                throw e;
            }
            try {
                action.run(pool);
                return null;
            } finally {
                free(pool);
            }
        });
    }

    private static void free(StoragePool pool) {
        try {
            pool.free();
        } catch (LibvirtException | RuntimeException e) {
            // Reclaimed with the connection.
        }
    }
}
