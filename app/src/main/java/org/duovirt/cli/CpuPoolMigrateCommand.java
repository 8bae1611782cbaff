package org.duovirt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cpupool-migrate", description = "Move a VM into another CPU pool (Xen): at once when it runs, and in its config, so a restart lands there too.")
final class CpuPoolMigrateCommand extends HostSubcommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "POOL")
    String pool;

    @Override
    void run() {
        host().moveToCpuPool(name, pool);
        output().line("'" + name + "' is now in cpupool '" + pool + "'.");
    }
}
