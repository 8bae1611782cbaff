package org.duovirt.cli;

import org.duovirt.core.cpu.CpuSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pin", description = "Pin one vCPU (or the emulator threads) to host CPUs, live and persistent unless --live or --config.")
final class PinCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--vcpu", paramLabel = "N", description = "The vCPU to pin.")
    Integer vcpu;

    @Option(names = "--emulator", description = "Pin the emulator threads instead of a vCPU.")
    boolean emulator;

    @Option(names = "--cpus", required = true, paramLabel = "LIST", description = "Host CPUs, e.g. 0-2,5 (hard affinity).")
    String cpus;

    @Option(names = "--soft", paramLabel = "LIST", description = "Soft affinity (Xen).")
    String soft;

    @Mixin
    ScopeOptions scope;

    @Override
    void run() {
        if (emulator == (vcpu != null)) {
            throw new IllegalArgumentException("Give exactly one of --vcpu N and --emulator.");
        }
        CpuSet hard = CpuSet.parse(cpus);
        if (emulator) {
            host().pinEmulator(name, hard, scope.scopes());
            output().line("Emulator threads of '" + name + "' pinned to " + hard + " (" + scope.scopes() + ").");
            return;
        }
        host().pinVcpu(name, vcpu, hard, soft == null ? null : CpuSet.parse(soft), scope.scopes());
        output().line("vCPU " + vcpu + " of '" + name + "' pinned to " + hard
                + (soft == null ? "" : ", preferring " + CpuSet.parse(soft)) + " (" + scope.scopes() + ").");
    }
}
