package org.duovirt.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every subcommand takes (inherited from the top-level command). */
final class GlobalOptions {
    @Option(names = {"-c", "--connect"}, scope = ScopeType.INHERIT, paramLabel = "URI",
            description = "Host to use, e.g. qemu:///system, qemu+ssh://root@host/system, xl+ssh://root@host/. "
                    + "Default: $DUOVIRT_CONNECT, else the local libvirt, else the libvirt test driver.")
    String connect;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean debug;
}
