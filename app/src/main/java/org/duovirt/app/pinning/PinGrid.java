package org.duovirt.app.pinning;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.pin.PinPlan;

/**
 * The pinning grid: one row per vCPU (and one for the emulator threads where there are any), one column
 * per host CPU grouped by NUMA node and core, SMT siblings side by side. It edits one layer of its
 * {@link #planProperty() plan} at a time (hard, or Xen's soft affinity) and shows the other as a mark.
 * Under each CPU's number its load now, a figure and a bar ("–" where the host gives none).
 * Mouse: click a cell, drag across cells, click a row or column header. Keyboard: arrows move, Space toggles
 * the cell, Shift+Space the row, Ctrl+Space the column. The edits are here, in the control; the skin draws.
 */
public final class PinGrid extends Control {
    /** The layer of affinity being edited. */
    public enum Layer { HARD, SOFT }

    public static final String STYLE_CLASS = "pin-grid";
    private final ObjectProperty<CpuTopology> topology = new SimpleObjectProperty<>(this, "topology");
    private final ObjectProperty<PinPlan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Layer> layer = new SimpleObjectProperty<>(this, "layer", Layer.HARD);
    private final ObjectProperty<int[]> currentCpus = new SimpleObjectProperty<>(this, "currentCpus", new int[0]);
    private final ObjectProperty<CpuSet> foreignCpus = new SimpleObjectProperty<>(this, "foreignCpus", CpuSet.empty());
    private final ObjectProperty<CpuSet> poolCpus = new SimpleObjectProperty<>(this, "poolCpus");
    private final ObjectProperty<Map<Integer, Double>> cpuLoad = new SimpleObjectProperty<>(this, "cpuLoad", Map.of());
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private final IntegerProperty focusRow = new SimpleIntegerProperty(this, "focusRow", 0);
    private final IntegerProperty focusColumn = new SimpleIntegerProperty(this, "focusColumn", 0);

    public PinGrid() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PinGridSkin(this);
    }

    /** Host CPUs in column order: node, socket, core (siblings together), thread. */
    public List<PhysicalCpu> columns() {
        CpuTopology t = topology.get();
        if (t == null) {
            return List.of();
        }
        return t.cpus().stream().sorted(Comparator.comparingInt(PhysicalCpu::node).thenComparingInt(PhysicalCpu::socket)
                .thenComparingInt(c -> firstSibling(c)).thenComparingInt(PhysicalCpu::id)).toList();
    }

    static int firstSibling(PhysicalCpu c) {
        return c.siblings() != null && !c.siblings().isEmpty() ? c.siblings().stream().min().orElse(c.id()) : c.id();
    }

    /** vCPU rows plus the emulator row when the plan has an emulator set. */
    public int rowCount() {
        PinPlan p = plan.get();
        return p == null ? 0 : p.vcpuCount() + (p.emulator() != null ? 1 : 0);
    }

    public boolean isEmulatorRow(int row) {
        PinPlan p = plan.get();
        return p != null && p.emulator() != null && row == p.vcpuCount();
    }

    /** The set of a row in a layer; the emulator row has only a hard layer. */
    public CpuSet set(int row, Layer l) {
        PinPlan p = plan.get();
        if (isEmulatorRow(row)) {
            return l == Layer.HARD ? p.emulator() : null;
        }
        return l == Layer.HARD ? p.hard(row) : p.soft(row);
    }

    public void setCell(int row, int cpu, boolean on) {
        CpuSet now = set(row, layer.get());
        if (!editable.get() || now == null && layer.get() == Layer.SOFT && isEmulatorRow(row)) {
            return;
        }
        CpuSet base = now == null ? set(row, Layer.HARD) : now;
        if (base.contains(cpu) != on) {
            replace(row, on ? base.with(cpu) : base.without(cpu));
        }
    }

    public void toggleCell(int row, int cpu) {
        CpuSet now = set(row, layer.get());
        setCell(row, cpu, now == null || !now.contains(cpu));
    }

    /** A row with every CPU becomes empty, any other row gets every CPU. */
    public void toggleRow(int row) {
        CpuSet all = CpuSet.of(columns().stream().map(PhysicalCpu::id).toList());
        CpuSet now = set(row, layer.get());
        if (editable.get() && (now != null || !isEmulatorRow(row))) {
            replace(row, now != null && all.isSubsetOf(now) ? CpuSet.empty() : all);
        }
    }

    /** When every row has the CPU it is taken from all of them, else given to all. */
    public void toggleColumn(int cpu) {
        boolean all = true;
        for (int r = 0; r < rowCount(); r++) {
            CpuSet s = set(r, layer.get());
            all &= s == null || s.contains(cpu);
        }
        for (int r = 0; r < rowCount(); r++) {
            setCell(r, cpu, !all);
        }
    }

    private void replace(int row, CpuSet cpus) {
        PinPlan p = plan.get();
        if (isEmulatorRow(row)) {
            plan.set(p.withEmulator(cpus));
        } else {
            plan.set(layer.get() == Layer.HARD ? p.withHard(row, cpus) : p.withSoft(row, cpus));
        }
    }

    public ObjectProperty<CpuTopology> topologyProperty() {
        return topology;
    }

    public ObjectProperty<PinPlan> planProperty() {
        return plan;
    }

    public ObjectProperty<Layer> layerProperty() {
        return layer;
    }

    /** Per vCPU the CPU it runs on now, -1 when unknown. */
    public ObjectProperty<int[]> currentCpusProperty() {
        return currentCpus;
    }

    /** CPUs other VMs are pinned to (shaded). */
    public ObjectProperty<CpuSet> foreignCpusProperty() {
        return foreignCpus;
    }

    /** The VM's cpupool (CPUs outside it are dimmed), or null. */
    public ObjectProperty<CpuSet> poolCpusProperty() {
        return poolCpus;
    }

    /** Per host CPU its load now, 0–100; a CPU missing or NaN has no figure and shows "–". */
    public ObjectProperty<Map<Integer, Double>> cpuLoadProperty() {
        return cpuLoad;
    }

    public BooleanProperty editableProperty() {
        return editable;
    }

    public IntegerProperty focusRowProperty() {
        return focusRow;
    }

    public IntegerProperty focusColumnProperty() {
        return focusColumn;
    }
}
