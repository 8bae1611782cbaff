package org.duovirt.cli;

import java.time.Duration;
import org.duovirt.app.DefaultConnection;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: global options and the connection every subcommand shares. */
@Command(name = "duovirt", mixinStandardHelpOptions = true, version = "duovirt 0.1.0",
        description = "Manage KVM (libvirt) and Xen (xl) virtual machines. Without a subcommand, opens the desktop app.",
        subcommands = {HostCommand.class, ListCommand.class, InfoCommand.class, DefinitionCommand.class,
                LifecycleCommands.Start.class, LifecycleCommands.Shutdown.class, LifecycleCommands.Reboot.class,
                LifecycleCommands.Destroy.class, LifecycleCommands.Pause.class, LifecycleCommands.Resume.class,
                LifecycleCommands.Save.class, SetCommands.SetVcpus.class, SetCommands.SetMemory.class,
                StorageCommand.class, DeleteCommand.class, CreateCommand.class, StatsCommand.class, HostStatsCommand.class,
                PinningCommand.class, PinCommand.class, CpuPoolsCommand.class, GraphicsCommand.class, ScreenshotCommand.class, SendKeysCommand.class,
                ConsoleCommand.class, BackendsCommand.class, CpuPoolMigrateCommand.class, OsPresetsCommand.class,
                // --- details, storage and networks (issue 10) ---
                StorageCommands.Pools.class, StorageCommands.Vols.class, StorageCommands.VolCreate.class,
                StorageCommands.VolDelete.class, StorageCommands.VolResize.class, StorageCommands.VolUpload.class,
                NetworkCommands.Networks.class, NetworkCommands.Create.class, NetworkCommands.Start.class,
                NetworkCommands.Stop.class, NetworkCommands.Delete.class, NetworkCommands.Autostart.class,
                NetworkCommands.Leases.class, DeviceCommands.AttachDisk.class, DeviceCommands.DetachDisk.class, DeviceCommands.BlockResize.class,
                DeviceCommands.ChangeMedia.class, DeviceCommands.AttachInterface.class,
                DeviceCommands.DetachInterface.class, DeviceCommands.SetLink.class, DeviceCommands.Autostart.class,
                DeviceCommands.SetBoot.class, SnapshotCommands.Create.class, SnapshotCommands.ListSnapshots.class,
                SnapshotCommands.Revert.class, SnapshotCommands.Delete.class, CloneCommand.class, EditCommand.class,
                // --- details: hardware list (issue 10) ---
                HardwareCommand.class,
                // --- details: overview name and description (issue 10) ---
                OverviewCommands.Rename.class, OverviewCommands.Desc.class, OverviewCommands.DiskCache.class,
                // --- add hardware: serial port, RNG, display (issue 10) ---
                ExtraDeviceCommands.Add.class, ExtraDeviceCommands.Remove.class, CpuModelCommand.class,
                // --- kvmhw: a volume to a local file (issue 10) ---
                VolDownloadCommand.class,
                // --- hostdev: the host's PCI and USB devices (issue 10) ---
                HostDeviceCommands.NodeDevs.class, HostDeviceCommands.Attach.class, HostDeviceCommands.Detach.class,
                // --- kvmpools: pools themselves (issue 10) ---
                PoolCommands.Create.class, PoolCommands.Types.class, PoolCommands.Start.class, PoolCommands.Stop.class,
                PoolCommands.Autostart.class, PoolCommands.Refresh.class, PoolCommands.Delete.class})
final class DuovirtCommand {
    /** -c, --json, --debug: a mixin, so that {@link CommandTree} can give them to a tree of one subcommand. */
    @Mixin
    GlobalOptions options = new GlobalOptions();

    private final Terminal terminal;
    private HostConnection connection;

    DuovirtCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    Terminal terminal() {
        return terminal;
    }

    boolean json() {
        return options.json;
    }

    boolean debug() {
        return options.debug;
    }

    Output output() {
        return new Output(terminal.out(), options.json);
    }

    /** Opens the host once per command line. */
    HostConnection connection() {
        if (connection == null) {
            Backends backends = Backends.installed();
            String uri = options.connect != null ? options.connect : System.getenv("DUOVIRT_CONNECT");
            if (uri != null && !uri.isBlank()) {
                connection = backends.connect(uri);
            } else {
                DefaultConnection.Opened opened = DefaultConnection.open(backends, Duration.ofSeconds(5));
                if (opened.demo()) {
                    terminal.err().println("duovirt: no local libvirt answers; using the demo host " + DefaultConnection.DEMO + ".");
                }
                connection = opened.connection();
            }
            // What a creation interrupted by this host's loss left half-made goes before anything is read.
            org.duovirt.app.job.RemovalJournal journal = org.duovirt.app.job.RemovalJournal.standard();
            if (!journal.pending(org.duovirt.app.job.PendingRemovals.hostKey(connection.uri())).isEmpty()) {
                // Said here on stderr, and logged to duovirt.log (not to stderr a second time).
                org.duovirt.app.config.LogSetup.fileOnly(org.duovirt.app.config.AppDirs.fromEnvironment(),
                        org.duovirt.app.job.PendingRemovals.class.getName());
                for (String line : org.duovirt.app.job.PendingRemovals.carryOut(connection,
                        org.duovirt.core.uri.Uris.redact(connection.uri()), journal)) {
                    terminal.err().println("duovirt: " + line);
                }
            }
        }
        return connection;
    }

    void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
