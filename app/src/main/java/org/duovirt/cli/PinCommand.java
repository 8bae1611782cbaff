package org.duovirt.cli;

import java.nio.file.Path;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.pin.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pin", description = {
        "Pin one vCPU (or the emulator threads) to host CPUs, or the whole VM at once with --preset or --plan;",
        "live and persistent unless --live or --config. A whole plan is applied all or nothing."})
final class PinCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--vcpu", paramLabel = "N", description = "The vCPU to pin.")
    Integer vcpu;

    @Option(names = "--emulator", description = "Pin the emulator threads instead of a vCPU.")
    boolean emulator;

    @Option(names = "--cpus", paramLabel = "LIST", description = "Host CPUs, e.g. 0-2,5 (hard affinity).")
    String cpus;

    @Option(names = "--soft", paramLabel = "LIST", description = "Soft affinity (Xen).")
    String soft;

    @Option(names = "--preset", paramLabel = "PRESET",
            description = "Pin every vCPU at once: compact, spread, numa:N, avoid-smt, isolate or none.")
    String preset;

    @Option(names = "--plan", paramLabel = "FILE.json", description = "Apply a whole plan, in the JSON 'duovirt pinning NAME --json' prints.")
    Path plan;

    @Option(names = "--dry-run", description = "With --preset or --plan: print the plan, its warnings and the change, apply nothing.")
    boolean dryRun;

    @Mixin
    ScopeOptions scope;

    @Override
    void run() {
        if (preset != null || plan != null) {
            if (preset != null && plan != null || cpus != null || soft != null || vcpu != null || emulator) {
                throw new IllegalArgumentException("Give --preset or --plan alone, without --vcpu, --emulator, --cpus or --soft.");
            }
            new PinPlanRun(host(), output(), name, scope.scopes(), dryRun)
                    .run(preset != null ? setup -> setup.preset(Preset.parse(preset)) : setup -> PlanJson.read(plan));
            return;
        }
        if (dryRun) {
            throw new IllegalArgumentException("--dry-run goes with --preset or --plan.");
        }
        if (cpus == null) {
            throw new IllegalArgumentException("Give --cpus LIST (with --vcpu N or --emulator), or --preset, or --plan.");
        }
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
