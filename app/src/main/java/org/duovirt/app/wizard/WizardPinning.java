package org.duovirt.app.wizard;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.pin.PinCapabilities;
import org.duovirt.core.pin.PinChecks;
import org.duovirt.core.pin.PinContext;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinPresets;
import org.duovirt.core.pin.PinWarning;
import org.duovirt.core.pin.PinWarnings;
import org.duovirt.core.pin.Preset;

/**
 * The wizard's optional pinning step: a pin plan for the VM being created, drawn in the pinning editor's grid or
 * taken from a preset, checked and warned about with core.pin's rules. Only hard vCPU affinity is offered: it goes
 * into the spec's pins, so the definition is written with its {@code <cputune>} (or xl {@code cpus=}) and the VM
 * never runs unpinned; emulator and soft affinity are set in the pinning editor once the VM exists.
 */
public final class WizardPinning {
    /** The presets that make sense before the VM exists (isolate needs the other VMs' pins, numa a node). */
    public static final List<Preset.Kind> PRESETS = List.of(Preset.Kind.COMPACT, Preset.Kind.SPREAD, Preset.Kind.AVOID_SMT);
    private final BooleanProperty enabled = new SimpleBooleanProperty(false);
    private final ObjectProperty<Preset.Kind> preset = new SimpleObjectProperty<>(Preset.Kind.COMPACT);
    private final ObjectProperty<PinPlan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<CpuTopology> topology = new SimpleObjectProperty<>();
    private final StringProperty warnings = new SimpleStringProperty("");
    private PinCapabilities caps = PinCapabilities.KVM;

    public BooleanProperty enabledProperty() { return enabled; }

    public ObjectProperty<Preset.Kind> presetProperty() { return preset; }

    /** The plan the grid edits: one hard set per vCPU, no emulator row, no soft layer. */
    public ObjectProperty<PinPlan> planProperty() { return plan; }

    /** The host's CPUs for the grid's columns; null until the host answered. */
    public ObjectProperty<CpuTopology> topologyProperty() { return topology; }

    /** core.pin's warnings about the plan (shared CPUs, NUMA split …), one a line. */
    public ReadOnlyStringProperty warningsProperty() { return warnings; }

    void host(CpuTopology t, boolean xen) {
        caps = xen ? PinCapabilities.XEN : PinCapabilities.KVM;
        topology.set(t);
        plan.set(null);
    }

    /** Draws the chosen preset for this many vCPUs (the grid shows it; the user may change it cell by cell). */
    void applyPreset(long vcpus) {
        CpuTopology t = topology.get();
        if (t == null || vcpus < 1 || vcpus > t.cpuCount()) { // more is a problem of its own (the resources page says so)
            return;
        }
        try {
            PinPlan p = PinPresets.plan(Preset.of(preset.get()), (int) vcpus, PinContext.of(t), caps);
            plan.set(new PinPlan(p.hard(), List.of(), null));
        } catch (RuntimeException e) {
            plan.set(null); // the problem is reported by addTo
        }
    }

    /** Keeps the plan's rows equal to the vCPU count: a new count redraws the preset. */
    void follow(long vcpus) {
        if (enabled.get() && (plan.get() == null || plan.get().vcpuCount() != vcpus)) {
            applyPreset(vcpus);
        }
    }

    /** Adds the plan's pins to the spec; its problems go under the pinning field, its warnings beside the grid. */
    void addTo(VmSpecBuilder b, int vcpus, List<SpecProblem> problems) {
        PinPlan p = plan.get();
        CpuTopology t = topology.get();
        if (!enabled.get() || p == null || t == null) {
            warnings.set("");
            return;
        }
        PinContext context = PinContext.of(t);
        for (String problem : PinChecks.problems(p, vcpus, context, caps)) {
            problems.add(new SpecProblem(SpecField.PINNING, problem));
        }
        warnings.set(String.join("\n", PinWarnings.of(p, context).stream().map(PinWarning::message).toList()));
        for (int i = 0; i < p.vcpuCount(); i++) {
            CpuSet cpus = p.hard(i);
            if (cpus != null && !cpus.isEmpty()) {
                b.pin(i + "=" + cpus);
            }
        }
    }
}
