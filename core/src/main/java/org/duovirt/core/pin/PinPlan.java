package org.duovirt.core.pin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;

/**
 * The whole pinning of one VM as one value: per vCPU a hard set, optionally a soft set (Xen), and the
 * emulator threads' set (QEMU). A backend applies a plan whole or not at all
 * ({@link org.duovirt.core.spi.HostConnection#applyPinning}).
 *
 * @param hard     hard affinity per vCPU, index = vCPU number; never empty sets
 * @param soft     soft affinity per vCPU, same length as {@code hard}, or an empty list when the plan sets none
 * @param emulator CPUs of the emulator threads, or null when the plan leaves them alone (or there are none)
 */
public record PinPlan(List<CpuSet> hard, List<CpuSet> soft, CpuSet emulator) {
    public PinPlan {
        hard = List.copyOf(hard);
        soft = List.copyOf(soft);
        if (!soft.isEmpty() && soft.size() != hard.size()) {
            throw new IllegalArgumentException("A plan's soft affinity must name every vCPU (" + hard.size()
                    + "), not " + soft.size() + ".");
        }
    }

    /** Every vCPU on {@code cpus}, no soft affinity, emulator on {@code emulator} (may be null). */
    public static PinPlan uniform(int vcpus, CpuSet cpus, CpuSet emulator) {
        List<CpuSet> hard = new ArrayList<>();
        for (int i = 0; i < vcpus; i++) {
            hard.add(cpus);
        }
        return new PinPlan(hard, List.of(), emulator);
    }

    /** The plan that would reproduce a pinning read from a host (current CPUs are dropped). */
    public static PinPlan of(VcpuPinning pinning) {
        List<CpuSet> hard = new ArrayList<>();
        List<CpuSet> soft = new ArrayList<>();
        for (VcpuAffinity v : pinning.vcpus()) {
            hard.add(v.hard());
            if (v.soft() != null) {
                soft.add(v.soft());
            }
        }
        return new PinPlan(hard, soft.size() == hard.size() ? soft : List.of(), pinning.emulatorCpus());
    }

    public int vcpuCount() {
        return hard.size();
    }

    public boolean hasSoft() {
        return !soft.isEmpty();
    }

    public CpuSet hard(int vcpu) {
        return hard.get(vcpu);
    }

    /** Soft set of a vCPU, or null when the plan sets none. */
    public CpuSet soft(int vcpu) {
        return soft.isEmpty() ? null : soft.get(vcpu);
    }

    public PinPlan withHard(int vcpu, CpuSet cpus) {
        List<CpuSet> copy = new ArrayList<>(hard);
        copy.set(vcpu, Objects.requireNonNull(cpus));
        return new PinPlan(copy, soft, emulator);
    }

    /** Sets one vCPU's soft set; a plan without soft sets gets them, starting from the hard sets. */
    public PinPlan withSoft(int vcpu, CpuSet cpus) {
        List<CpuSet> copy = new ArrayList<>(soft.isEmpty() ? hard : soft);
        copy.set(vcpu, Objects.requireNonNull(cpus));
        return new PinPlan(hard, copy, emulator);
    }

    public PinPlan withSoftSets(List<CpuSet> sets) {
        return new PinPlan(hard, sets, emulator);
    }

    public PinPlan withEmulator(CpuSet cpus) {
        return new PinPlan(hard, soft, cpus);
    }

    /** All CPUs any vCPU may run on. */
    public CpuSet hardUnion() {
        CpuSet all = CpuSet.empty();
        for (CpuSet s : hard) {
            all = all.union(s);
        }
        return all;
    }

    /** One line per vCPU, as the CLI prints a plan. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < hard.size(); i++) {
            lines.add("vCPU " + i + ": " + hard.get(i) + (soft.isEmpty() ? "" : " (prefers " + soft.get(i) + ")"));
        }
        if (emulator != null) {
            lines.add("emulator: " + emulator);
        }
        return lines;
    }
}
