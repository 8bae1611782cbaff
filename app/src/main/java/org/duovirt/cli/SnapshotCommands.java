package org.duovirt.cli;

import java.util.List;
import java.util.Map;
import org.duovirt.core.model.SnapshotInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** snapshot-create, snapshot-list, snapshot-revert, snapshot-delete. */
final class SnapshotCommands {
    private SnapshotCommands() {
    }

    @Command(name = "snapshot-create", description = "Take a snapshot (disks, and memory when the VM runs).")
    static final class Create extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "SNAPSHOT", arity = "0..1", description = "Name (default: the host picks one).")
        String snapshot;
        @Option(names = "--description")
        String description;

        @Override
        void run() {
            host().createSnapshot(vm, snapshot, description);
            done("snapshot taken", "Snapshot " + (snapshot == null ? "" : "'" + snapshot + "' ") + "of VM '" + vm + "' taken.");
        }
    }

    @Command(name = "snapshot-list", description = "List a VM's snapshots with time, state and description.")
    static final class ListSnapshots extends DeviceCommands.VmCommand {
        @Override
        void run() {
            List<SnapshotInfo> snapshots = host().snapshots(vm);
            if (output().isJson()) {
                output().json(snapshots.stream().map(s -> Map.of("name", s.name(), "created", s.created().toString(),
                        "state", s.state().name().toLowerCase(java.util.Locale.ROOT), "description", String.valueOf(s.description()),
                        "current", s.current())).toList());
                return;
            }
            output().table(List.of("NAME", "CREATED", "STATE", "CURRENT", "DESCRIPTION"), snapshots.stream()
                    .map(s -> List.of(s.name(), s.created().toString(), s.state().name().toLowerCase(java.util.Locale.ROOT),
                            s.current() ? "yes" : "", s.description() == null ? "" : s.description())).toList());
        }
    }

    @Command(name = "snapshot-revert", description = "Return a VM to a snapshot (what it did since is lost).")
    static final class Revert extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "SNAPSHOT")
        String snapshot;

        @Override
        void run() {
            host().revertSnapshot(vm, snapshot);
            done("reverted", "VM '" + vm + "' reverted to snapshot '" + snapshot + "'.");
        }
    }

    @Command(name = "snapshot-delete", description = "Delete a snapshot; the VM's current state is kept.")
    static final class Delete extends DeviceCommands.VmCommand {
        @Parameters(index = "1", paramLabel = "SNAPSHOT")
        String snapshot;

        @Override
        void run() {
            host().deleteSnapshot(vm, snapshot);
            done("snapshot deleted", "Snapshot '" + snapshot + "' of VM '" + vm + "' deleted.");
        }
    }
}
