package org.duovirt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** set-vcpus and set-memory. */
final class SetCommands {
    private SetCommands() {
    }

    @Command(name = "set-vcpus", description = "Change the number of vCPUs (live and persistent unless --live or --config).")
    static final class SetVcpus extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "COUNT")
        int count;

        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            host().setVcpus(name, count, scope.scopes());
            output().line("VM '" + name + "' now has " + count + " vCPUs (" + scope.scopes() + ").");
        }
    }

    @Command(name = "set-memory", description = "Change the memory in MiB (live and persistent unless --live or --config).")
    static final class SetMemory extends HostSubcommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "MIB")
        long memoryMiB;

        @Mixin
        ScopeOptions scope;

        @Override
        void run() {
            host().setMemory(name, memoryMiB, scope.scopes());
            output().line("VM '" + name + "' now has " + memoryMiB + " MiB (" + scope.scopes() + ").");
        }
    }
}
