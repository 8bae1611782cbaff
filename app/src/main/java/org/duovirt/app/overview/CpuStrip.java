package org.duovirt.app.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.host.Units;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.stats.HostCpuRates;

/**
 * The host's physical CPUs as a strip: one box per NUMA node (its memory and mean load), inside it one chip per
 * core holding its SMT threads, each a {@link CpuCell}. Built once per topology; each tick only updates the cells.
 * (The pinning editor's TopologyPanel shows the same layout without load; it is not embeddable yet.)
 */
final class CpuStrip extends FlowPane {
    private final Map<Integer, CpuCell> cells = new HashMap<>();
    private final Map<Integer, Label> nodeLoads = new HashMap<>();
    private final List<FlowPane> coreFlows = new ArrayList<>();
    private CpuTopology shown;

    CpuStrip() {
        super(10, 10);
        setId("host-cpu-strip");
        getStyleClass().add("host-cpu-strip");
        widthProperty().addListener(o -> wrap());
    }

    /** Shares the width between the nodes, so two nodes sit side by side when they fit. */
    private void wrap() {
        if (coreFlows.isEmpty() || getWidth() <= 0) {
            return;
        }
        double chip = 2 * (CpuCell.WIDTH + 2) + 10;
        double each = (getWidth() - getHgap() * (coreFlows.size() - 1)) / coreFlows.size() - 24;
        for (FlowPane f : coreFlows) {
            f.setPrefWrapLength(Math.max(chip, each));
        }
    }

    /** Shows this topology (rebuilt only when it changed) with these figures (null: none yet). */
    void show(CpuTopology topology, HostCpuRates rates) {
        if (topology == null) {
            return;
        }
        if (!topology.equals(shown)) {
            build(topology);
        }
        for (CpuCell c : cells.values()) {
            Double p = rates == null ? null : rates.percent().get(c.cpu());
            c.show(p == null ? Double.NaN : p, rates == null ? List.of() : rates.placement().getOrDefault(c.cpu(), List.of()));
        }
        for (NumaCell cell : topology.cells()) {
            double mean = rates == null ? Double.NaN : org.duovirt.app.stats.HostLoad.nodeAverage(rates, topology, cell.id());
            nodeLoads.get(cell.id()).setText(Double.isNaN(mean) ? "" : Messages.get("overview.node.load", Math.round(mean)));
        }
    }

    int cellCount() {
        return cells.size();
    }

    private void build(CpuTopology t) {
        shown = t;
        cells.clear();
        nodeLoads.clear();
        coreFlows.clear();
        getChildren().clear();
        List<NumaCell> nodes = t.cells().isEmpty() ? List.of(new NumaCell(0, t.allCpus(), 0, 0)) : t.cells();
        for (NumaCell cell : nodes) {
            getChildren().add(node(cell, t));
        }
        wrap();
    }

    private VBox node(NumaCell cell, CpuTopology t) {
        String memory = cell.memoryKiB() <= 0 ? "" : "  " + Units.mebibytes(cell.memoryKiB() / 1024);
        long count = t.cpus().stream().filter(c -> c.node() == cell.id()).count();
        Label title = new Label(Messages.get("overview.node", cell.id(), count) + memory);
        title.getStyleClass().add("host-node-title");
        Label load = new Label();
        load.getStyleClass().add("host-node-load");
        nodeLoads.put(cell.id(), load);
        Map<Integer, List<PhysicalCpu>> byCore = new LinkedHashMap<>();
        t.cpus().stream().filter(c -> c.node() == cell.id())
                .sorted(Comparator.comparingInt(CpuStrip::core).thenComparingInt(PhysicalCpu::id))
                .forEach(c -> byCore.computeIfAbsent(core(c), k -> new ArrayList<>()).add(c));
        FlowPane cores = new FlowPane(4, 4);
        for (List<PhysicalCpu> threads : byCore.values()) {
            HBox chip = new HBox(2);
            chip.getStyleClass().add("host-core");
            for (PhysicalCpu cpu : threads) {
                CpuCell c = new CpuCell(cpu.id(), cpu.online());
                cells.put(cpu.id(), c);
                chip.getChildren().add(c);
            }
            cores.getChildren().add(chip);
        }
        coreFlows.add(cores);
        cores.setPrefWrapLength(8 * (CpuCell.WIDTH + 4));
        VBox box = new VBox(6, new HBox(12, title, load), cores);
        box.getStyleClass().add("host-node");
        box.setId("host-node-" + cell.id());
        return box;
    }

    /** The core a CPU belongs to: its lowest SMT sibling. */
    private static int core(PhysicalCpu c) {
        return c.siblings() == null || c.siblings().isEmpty() ? c.id() : c.siblings().stream().min().orElse(c.id());
    }

    CpuCell cell(int cpu) {
        return cells.get(cpu);
    }
}
