package org.duovirt.cli;

import java.util.concurrent.Callable;
import org.duovirt.core.spi.HostConnection;
import picocli.CommandLine.ParentCommand;

/** Base of every subcommand: access to the shared connection and output. */
abstract class HostSubcommand implements Callable<Integer> {
    @ParentCommand
    DuovirtCommand root;

    HostConnection host() {
        return root.connection();
    }

    Output output() {
        return root.output();
    }

    Terminal terminal() {
        return root.terminal();
    }

    @Override
    public final Integer call() throws Exception {
        run();
        return 0;
    }

    abstract void run() throws Exception;
}
