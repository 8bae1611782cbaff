package org.duovirt.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.pin.PinChecks;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinSetup;
import org.duovirt.core.pin.PinWarning;
import org.duovirt.core.pin.PinWarnings;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;

/** {@code duovirt pin NAME --preset|--plan}: plan, check, warn, preview, and apply all or nothing. */
final class PinPlanRun {
    private final HostConnection host;
    private final Output output;
    private final String vm;
    private final Set<PinScope> scopes;
    private final boolean dryRun;

    PinPlanRun(HostConnection host, Output output, String vm, Set<PinScope> scopes, boolean dryRun) {
        this.host = host;
        this.output = output;
        this.vm = vm;
        this.scopes = scopes;
        this.dryRun = dryRun;
    }

    void run(Function<PinSetup, PinPlan> planner) {
        PinSetup setup = PinSetup.read(host, vm);
        PinPlan plan = setup.adapt(planner.apply(setup));
        PinChecks.require(plan, setup.vcpus(), setup.context(), setup.caps());
        List<PinWarning> warnings = PinWarnings.of(plan, setup.context());
        String preview = host.previewPinning(vm, plan);
        long ms = -1;
        if (!dryRun) {
            long t0 = System.nanoTime();
            host.applyPinning(vm, plan, scopes, ProgressListener.NONE);
            ms = (System.nanoTime() - t0) / 1_000_000;
        }
        if (output.isJson()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vm", vm);
            m.put("plan", PlanJson.of(plan));
            m.put("warnings", warnings.stream().map(w -> Map.of("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT),
                    "message", w.message())).toList());
            m.put("preview", preview);
            m.put("applied", !dryRun);
            m.put("scopes", scopes.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
            m.put("applyMillis", dryRun ? null : ms);
            output.json(m);
            return;
        }
        output.line((dryRun ? "Would pin '" : "Pinned '") + vm + "' (" + scopes + "):");
        plan.describe().forEach(l -> output.line("  " + l));
        warnings.forEach(w -> output.line("warning: " + w.message()));
        output.line(dryRun ? "The change, as the hypervisor would write it:" : "The change, as the hypervisor writes it:");
        preview.lines().forEach(l -> output.line("  " + l));
    }
}
