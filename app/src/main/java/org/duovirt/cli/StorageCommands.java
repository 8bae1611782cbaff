package org.duovirt.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** pools, vols, vol-create, vol-delete, vol-resize, vol-upload: storage in virsh's words (vol-download: its own class). */
final class StorageCommands {
    private StorageCommands() {
    }

    @Command(name = "pools", description = "List the storage pools (Xen: image directories) with capacity, allocation and free space.")
    static final class Pools extends HostSubcommand {
        @Override
        void run() {
            List<PoolInfo> pools = host().pools();
            if (output().isJson()) {
                output().json(pools);
                return;
            }
            output().table(List.of("NAME", "TYPE", "STATE", "AUTOSTART", "CAPACITY", "ALLOCATION", "FREE", "PATH"),
                    pools.stream().map(p -> List.of(p.name(), String.valueOf(p.type()), p.active() ? "active" : "inactive",
                            p.autostart() ? "yes" : "no", Sizes.bytes(p.capacityBytes()), Sizes.bytes(p.allocationBytes()),
                            Sizes.bytes(p.availableBytes()), String.valueOf(p.path()))).toList());
        }
    }

    @Command(name = "vols", description = "List the volumes of a pool and the VMs using each.")
    static final class Vols extends HostSubcommand {
        @Parameters(paramLabel = "POOL")
        String pool;

        @Override
        void run() {
            List<VolumeInfo> volumes = host().volumes(pool);
            if (output().isJson()) {
                output().json(volumes);
                return;
            }
            output().table(List.of("NAME", "FORMAT", "CAPACITY", "ALLOCATION", "USED BY", "PATH"), volumes.stream()
                    .map(v -> List.of(v.name(), String.valueOf(v.format()), Sizes.bytes(v.capacityBytes()),
                            Sizes.bytes(v.allocationBytes()), v.usedBy().isEmpty() ? "-" : String.join(",", v.usedBy()), v.path()))
                    .toList());
        }
    }

    @Command(name = "vol-create", description = "Create an empty volume, e.g. vol-create default data.qcow2 10G.")
    static final class VolCreate extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;
        @Parameters(index = "2", paramLabel = "SIZE", description = "512M, 10G, 1.5T …")
        String size;
        @Option(names = "--format", description = "qcow2 (default) or raw.")
        String format;

        @Override
        void run() {
            VolumeInfo v = host().createVolume(pool, name, DeviceInputs.parseSize(size), format);
            report(output(), v, "created");
        }
    }

    @Command(name = "vol-delete", description = "Delete a volume; refused when a VM uses it, unless --force.")
    static final class VolDelete extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;
        @Option(names = "--force", description = "Delete it even though VMs use it (they lose the disk).")
        boolean force;

        @Override
        void run() {
            host().deleteVolume(pool, name, force);
            done(output(), name, "deleted", "Volume '" + name + "' deleted.");
        }
    }

    @Command(name = "vol-resize", description = "Grow a volume to a new size (never shrinks).")
    static final class VolResize extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @Parameters(index = "1", paramLabel = "NAME")
        String name;
        @Parameters(index = "2", paramLabel = "SIZE")
        String size;

        @Override
        void run() {
            host().resizeVolume(pool, name, DeviceInputs.parseSize(size));
            done(output(), name, "resized", "Volume '" + name + "' grown to " + size + ".");
        }
    }

    @Command(name = "vol-upload", description = "Copy a local file (ISO, image) into a new volume of a pool, with progress.")
    static final class VolUpload extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @Parameters(index = "1", paramLabel = "FILE")
        Path file;
        @Option(names = "--name", description = "Volume name (default: the file's name).")
        String name;

        @Override
        void run() {
            String volume = name != null ? name : file.getFileName().toString();
            VolumeInfo v = host().uploadVolume(pool, volume, file, VolDownloadCommand.tenths(this));
            report(output(), v, "uploaded");
        }
    }

    static void report(Output out, VolumeInfo v, String result) {
        if (out.isJson()) {
            out.json(v);
        } else {
            out.line("Volume '" + v.name() + "' " + result + ": " + v.path() + " (" + Sizes.bytes(v.capacityBytes()) + ").");
        }
    }

    static void done(Output out, String name, String result, String sentence) {
        if (out.isJson()) {
            out.json(Map.of("name", name, "result", result));
        } else {
            out.line(sentence);
        }
    }
}
