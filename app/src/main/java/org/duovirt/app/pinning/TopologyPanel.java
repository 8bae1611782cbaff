package org.duovirt.app.pinning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.duovirt.app.Messages;
import org.duovirt.app.host.Units;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.NumaCell;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.pin.PinSetup;

/**
 * The host's CPUs as an administrator thinks of them: sockets × cores × threads, each NUMA node with its
 * memory and free memory and its cores (SMT siblings drawn together in one chip, offline CPUs marked), and on
 * Xen the cpupools with their CPUs, scheduler and VMs.
 *
 * <p>Two uses. Inside the pinning editor ({@link #TopologyPanel(PinSetup, Consumer)}) it also offers to move the
 * VM into another cpupool. On its own, for a host (the host overview), {@link #forHost(CpuTopology, Collection)}
 * draws the same panel without any VM part. Either way the data is read beforehand on a background thread, e.g.
 * {@code host.hostInfo().topology()} and, when {@code host.supports(Feature.CPUPOOLS)}, {@code host.cpuPools()};
 * the panel itself never calls the host. Build it on the JavaFX thread; it brings its own stylesheet and
 * follows the light and dark themes.
 */
public final class TopologyPanel extends VBox {
    static final String STYLE_CLASS = "pin-topology";
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    /** The cpupools' lines, null on a host without pools. */
    private final VBox poolBox;

    /**
     * The panel for a whole host, with no VM in it.
     *
     * @param topology the host's CPUs ({@code HostInfo.topology()})
     * @param pools    the host's cpupools (Xen), or an empty list
     */
    public static TopologyPanel forHost(CpuTopology topology, Collection<CpuPool> pools) {
        return new TopologyPanel(topology, pools);
    }

    /** The panel of one VM's editor: the host as above, and a chooser that moves the VM into another cpupool. */
    TopologyPanel(PinSetup setup, Consumer<String> moveToPool) {
        this(setup.context().topology(), setup.pools().values());
        if (poolBox != null) {
            poolBox.getChildren().add(mover(setup, moveToPool));
        }
    }

    private TopologyPanel(CpuTopology t, Collection<CpuPool> pools) {
        getStyleClass().add(STYLE_CLASS);
        getStylesheets().add(TopologyPanel.class.getResource(PinEditorView.STYLESHEET).toExternalForm());
        setId("pin-topology");
        setSpacing(6);
        long offline = t.cpus().stream().filter(c -> !c.online()).count();
        Label summary = new Label(Messages.get("pin.topology.summary", t.sockets(), t.coresPerSocket(), t.threadsPerCore(),
                t.cpuCount(), offline));
        summary.setId("pin-topology-summary");
        HBox nodes = new HBox(10);
        for (NumaCell cell : t.cells()) {
            nodes.getChildren().add(node(cell, t));
        }
        getChildren().addAll(summary, nodes);
        poolBox = pools.isEmpty() ? null : pools(pools);
        if (poolBox != null) {
            getChildren().add(poolBox);
        }
    }

    private static VBox node(NumaCell cell, CpuTopology t) {
        // A host that does not say how much of a node is free reports 0: show the size alone then.
        String memory = cell.memoryKiB() <= 0 ? "" : cell.freeMemoryKiB() > 0 ? Messages.get("pin.topology.memory",
                Units.mebibytes(cell.memoryKiB() / 1024), Units.mebibytes(cell.freeMemoryKiB() / 1024))
                : Units.mebibytes(cell.memoryKiB() / 1024);
        Label title = new Label(Messages.get("pin.grid.node", cell.id()) + "  " + memory);
        title.getStyleClass().add("pin-node-title");
        FlowPane cores = new FlowPane(4, 4);
        Map<Integer, List<PhysicalCpu>> byCore = new LinkedHashMap<>();
        t.cpus().stream().filter(c -> c.node() == cell.id()).sorted(java.util.Comparator.comparingInt(PinGrid::firstSibling)
                .thenComparingInt(PhysicalCpu::id)).forEach(c -> byCore.computeIfAbsent(PinGrid.firstSibling(c), k -> new ArrayList<>()).add(c));
        for (List<PhysicalCpu> threads : byCore.values()) {
            HBox chip = new HBox(1);
            chip.getStyleClass().add("pin-core");
            for (PhysicalCpu cpu : threads) {
                Label l = new Label(Integer.toString(cpu.id()));
                l.getStyleClass().add("pin-thread");
                l.pseudoClassStateChanged(OFFLINE, !cpu.online());
                chip.getChildren().add(l);
            }
            cores.getChildren().add(chip);
        }
        cores.setPrefWrapLength(420);
        VBox box = new VBox(4, title, cores);
        box.getStyleClass().add("pin-node");
        box.setId("pin-node-" + cell.id());
        return box;
    }

    private static VBox pools(Collection<CpuPool> pools) {
        VBox box = new VBox(4);
        box.getStyleClass().add("pin-pools");
        for (CpuPool p : pools) {
            Label l = new Label(Messages.get("pin.topology.pool", p.name(), p.scheduler(), p.cpus().toString(),
                    p.vms().isEmpty() ? Messages.get("pin.topology.no-vms") : String.join(", ", p.vms())));
            l.setId("pin-pool-" + p.name());
            box.getChildren().add(l);
        }
        return box;
    }

    private static HBox mover(PinSetup setup, Consumer<String> moveToPool) {
        ComboBox<String> target = new ComboBox<>();
        target.setId("pin-pool-target");
        target.getItems().setAll(setup.pools().keySet());
        target.setValue(setup.poolName());
        Button move = new Button(Messages.get("pin.topology.move"));
        move.setId("pin-pool-move");
        move.disableProperty().bind(target.valueProperty().isNull().or(target.valueProperty().isEqualTo(setup.poolName())));
        move.setOnAction(e -> moveToPool.accept(target.getValue()));
        return new HBox(8, new Label(Messages.get("pin.topology.vm-pool", setup.vm())), target, move);
    }
}
