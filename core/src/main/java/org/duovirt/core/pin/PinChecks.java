package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;

/**
 * Checks a plan against the host before anything is sent: every set non-empty, only CPUs the host has,
 * at least one online CPU (and one of the VM's cpupool) per set, the VM's vCPU count, and only the layers
 * the hypervisor has. Partly offline sets or sets reaching outside the pool are warnings
 * ({@link PinWarnings}), since the hypervisor then uses the rest.
 */
public final class PinChecks {
    private PinChecks() {
    }

    /** Every problem, one sentence each; empty when the plan may be applied. */
    public static List<String> problems(PinPlan plan, int vmVcpus, PinContext context, PinCapabilities caps) {
        List<String> out = new ArrayList<>();
        if (plan.vcpuCount() != vmVcpus) {
            out.add("The plan pins " + plan.vcpuCount() + " vCPUs, but the VM has " + vmVcpus + ".");
        }
        if (plan.hasSoft() && !caps.soft()) {
            out.add("This hypervisor has no soft affinity: leave the soft sets out.");
        }
        if (plan.emulator() != null && !caps.emulator()) {
            out.add("This hypervisor has no emulator threads to pin: leave the emulator set out.");
        }
        for (int i = 0; i < plan.vcpuCount(); i++) {
            check("vCPU " + i, plan.hard(i), context, out);
            if (plan.hasSoft()) {
                check("The soft affinity of vCPU " + i, plan.soft(i), context, out);
            }
        }
        if (plan.emulator() != null) {
            check("The emulator", plan.emulator(), context, out);
        }
        return out;
    }

    /** @throws InvalidSpecException naming every problem, when there is one */
    public static void require(PinPlan plan, int vmVcpus, PinContext context, PinCapabilities caps) {
        List<String> problems = problems(plan, vmVcpus, context, caps);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
    }

    /**
     * Parses a CPU list a user typed and checks it against the host in one go. CpuSet refuses numbers past
     * its fixed ceiling before allocating anything, so {@code 0-2147483647} costs nothing.
     *
     * @throws InvalidSpecException in one sentence
     */
    public static CpuSet parse(String text, PinContext context) {
        CpuSet set;
        try {
            set = CpuSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        List<String> out = new ArrayList<>();
        check("The CPU list '" + text.strip() + "'", set, context, out);
        if (!out.isEmpty()) {
            throw new InvalidSpecException(out.get(0));
        }
        return set;
    }

    private static void check(String what, CpuSet set, PinContext context, List<String> out) {
        CpuSet host = context.topology().allCpus();
        if (set == null || set.isEmpty()) {
            out.add(what + " has no CPUs: give at least one.");
        } else if (!set.isSubsetOf(host)) {
            out.add(what + " names CPU " + set.intersect(complement(set, host)) + ", which the host lacks (it has " + host + ").");
        } else if (set.intersect(context.usableCpus()).isEmpty()) {
            out.add(what + (set.isSubsetOf(context.offlineCpus()) ? " is pinned only to offline CPUs (" + set + ")."
                    : " is pinned only outside its cpupool (" + set + "; the pool has " + context.poolCpus() + ")."));
        }
    }

    /** The CPUs of {@code set} the host lacks (walks the set, which is bounded by CpuSet's ceiling). */
    private static CpuSet complement(CpuSet set, CpuSet host) {
        return CpuSet.of(set.stream().filter(c -> !host.contains(c)).boxed().toList());
    }
}
