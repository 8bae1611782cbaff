package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolTypeSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pool-create, pool-start, pool-stop, pool-autostart, pool-refresh, pool-delete, pool-types: pools in virsh's words. */
final class PoolCommands {
    private PoolCommands() {
    }

    @Command(name = "pool-create", aliases = "pool-define", description = "Define a storage pool, e.g. "
            + "pool-create images2 --type dir --target /srv/images --build --start --autostart.")
    static final class Create extends HostSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--type", defaultValue = "dir", description = "dir (default), fs, logical or netfs.")
        String type;
        @Option(names = "--target", description = "The directory the volumes appear in (logical: default /dev/VG).")
        String target;
        @Option(names = "--source-dev", description = "fs: the block device holding the file system.")
        String sourceDev;
        @Option(names = "--source-name", description = "logical: the volume group.")
        String sourceName;
        @Option(names = "--source-host", description = "netfs: the NFS server.")
        String sourceHost;
        @Option(names = "--source-path", description = "netfs: the exported directory.")
        String sourcePath;
        @Option(names = "--build", description = "Make the target directory first.")
        boolean build;
        @Option(names = "--start", description = "Start the pool once defined.")
        boolean start;
        @Option(names = "--autostart", description = "Start the pool with the host.")
        boolean autostart;

        @Override
        void run() {
            PoolSpec.Type t = PoolSpec.Type.parse(type);
            String source = switch (t) {
                case FS -> sourceDev;
                case LOGICAL -> sourceName;
                case NETFS -> sourcePath;
                case DIR -> null;
            };
            PoolInfo p = host().createPool(new PoolSpec(name, t, target, source, sourceHost, build, start, autostart));
            if (output().isJson()) {
                output().json(p);
            } else {
                output().line("Storage pool '" + p.name() + "' created (" + p.type() + ", " + p.path() + ", "
                        + (p.active() ? "active" : "inactive") + ", autostart " + (p.autostart() ? "yes" : "no") + ").");
            }
        }
    }

    @Command(name = "pool-types", description = "List the pool types this host can define, and why the others not.")
    static final class Types extends HostSubcommand {
        @Override
        void run() {
            List<PoolTypeSupport> types = host().poolTypes();
            if (output().isJson()) {
                output().json(types);
                return;
            }
            output().table(List.of("TYPE", "SUPPORTED", "WHY NOT"), types.stream().map(t -> List.of(t.type().word(),
                    t.supported() ? "yes" : "no", t.reason() == null ? "-" : t.reason())).toList());
        }
    }

    abstract static class PoolAction extends HostSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        void done(String result) {
            StorageCommands.done(output(), name, result, "Storage pool '" + name + "' " + result + ".");
        }
    }

    @Command(name = "pool-start", description = "Start a storage pool.")
    static final class Start extends PoolAction {
        @Override
        void run() {
            host().startPool(name);
            done("started");
        }
    }

    @Command(name = "pool-stop", aliases = "pool-destroy", description = "Stop a storage pool (its volumes stay).")
    static final class Stop extends PoolAction {
        @Override
        void run() {
            host().stopPool(name);
            done("stopped");
        }
    }

    @Command(name = "pool-autostart", description = "Start the pool with the host (--disable: do not).")
    static final class Autostart extends PoolAction {
        @Option(names = "--disable")
        boolean disable;

        @Override
        void run() {
            host().setPoolAutostart(name, !disable);
            done(disable ? "will not autostart" : "will autostart");
        }
    }

    @Command(name = "pool-refresh", description = "Re-read a running pool's volumes from its storage.")
    static final class Refresh extends PoolAction {
        @Override
        void run() {
            host().refreshPool(name);
            done("refreshed");
        }
    }

    @Command(name = "pool-delete", aliases = "pool-undefine", description = "Stop and remove a storage pool; its "
            + "volumes' files stay. Refused while VMs use its volumes, unless --yes.")
    static final class Delete extends PoolAction {
        @Option(names = "--delete-target", description = "Also remove the target directory, which must be empty.")
        boolean deleteTarget;
        @Option(names = "--yes", description = "Delete it even though VMs use its volumes (they keep pointing at the files).")
        boolean yes;

        @Override
        void run() {
            host().deletePool(name, deleteTarget, yes);
            done(deleteTarget ? "deleted with its target directory" : "deleted");
        }
    }
}
