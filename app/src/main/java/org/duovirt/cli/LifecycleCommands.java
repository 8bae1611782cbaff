package org.duovirt.cli;

import java.util.function.BiConsumer;
import org.duovirt.core.spi.HostConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** start, shutdown, reboot, destroy, pause, resume, save: one VM, one call, one line of confirmation. */
final class LifecycleCommands {
    private LifecycleCommands() {
    }

    abstract static class VmAction extends HostSubcommand {
        @Parameters(paramLabel = "NAME", description = "The VM.")
        String name;

        private final BiConsumer<HostConnection, String> action;
        private final String done;

        VmAction(BiConsumer<HostConnection, String> action, String done) {
            this.action = action;
            this.done = done;
        }

        @Override
        void run() {
            action.accept(host(), name);
            if (output().isJson()) {
                output().json(java.util.Map.of("name", name, "result", done));
            } else {
                output().line("VM '" + name + "' " + done + ".");
            }
        }
    }

    @Command(name = "start", description = "Start a VM (restores it if it was saved).")
    static final class Start extends VmAction {
        Start() {
            super(HostConnection::start, "started");
        }
    }

    @Command(name = "shutdown", description = "Ask the guest to shut down; returns without waiting.")
    static final class Shutdown extends VmAction {
        Shutdown() {
            super(HostConnection::shutdown, "is shutting down");
        }
    }

    @Command(name = "reboot", description = "Ask the guest to reboot.")
    static final class Reboot extends VmAction {
        Reboot() {
            super(HostConnection::reboot, "is rebooting");
        }
    }

    @Command(name = "destroy", description = "Force the VM off at once, like pulling the plug.")
    static final class Destroy extends VmAction {
        Destroy() {
            super(HostConnection::destroy, "forced off");
        }
    }

    @Command(name = "pause", aliases = "suspend", description = "Pause a running VM.")
    static final class Pause extends VmAction {
        Pause() {
            super(HostConnection::pause, "paused");
        }
    }

    @Command(name = "resume", description = "Resume a paused VM.")
    static final class Resume extends VmAction {
        Resume() {
            super(HostConnection::resume, "resumed");
        }
    }

    @Command(name = "save", description = "Save the VM's memory to disk and stop it; 'start' restores it.")
    static final class Save extends VmAction {
        Save() {
            super(HostConnection::save, "saved");
        }
    }
}
