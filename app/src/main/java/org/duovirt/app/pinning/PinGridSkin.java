package org.duovirt.app.pinning;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import org.duovirt.app.Messages;
import org.duovirt.app.pinning.PinGrid.Layer;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.PhysicalCpu;
import org.duovirt.core.pin.PinPlan;

/**
 * Draws a {@link PinGrid} with lightweight nodes: a Region per cell, styled only through style classes and
 * pseudo-classes (so both themes colour it from CSS), laid out by hand with gaps between cores and wider
 * gaps between NUMA nodes. Rebuilt when the shape changes (topology, vCPU count), restyled on every edit.
 */
final class PinGridSkin extends SkinBase<PinGrid> {
    static final String CELL = "pin-cell";
    static final String ROW_HEADER = "pin-row-header";
    static final String COLUMN_HEADER = "pin-column-header";
    static final String NODE_HEADER = "pin-node-header";
    static final String LOAD = "pin-load";
    static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    static final PseudoClass ON = PseudoClass.getPseudoClass("on");
    static final PseudoClass OTHER_LAYER = PseudoClass.getPseudoClass("other-layer");
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    static final PseudoClass FOREIGN = PseudoClass.getPseudoClass("foreign");
    static final PseudoClass OUTSIDE_POOL = PseudoClass.getPseudoClass("outside-pool");
    static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("cell-focused");
    static final PseudoClass EMULATOR = PseudoClass.getPseudoClass("emulator");
    private static final double CELL_SIZE = 15;
    private static final double CORE_GAP = 2;
    private static final double NODE_GAP = 10;
    private static final double HEADER_WIDTH = 66;
    private static final double HEADER_HEIGHT = 40;
    /** Where the vCPU rows start: below the headers and the row of per-CPU loads. */
    private static final double ROWS_TOP = HEADER_HEIGHT + CELL_SIZE + 4;

    private final List<Region> cells = new ArrayList<>();
    private final List<Label> headers = new ArrayList<>();
    private final List<Label> loads = new ArrayList<>();
    private final List<Region> loadBars = new ArrayList<>();
    private List<PhysicalCpu> columns = List.of();
    private double[] columnX = new double[0];
    private int rows;
    private boolean dragOn;

    PinGridSkin(PinGrid grid) {
        super(grid);
        grid.topologyProperty().addListener(o -> rebuild());
        grid.planProperty().addListener((o, a, b) -> {
            if (a == null || b == null || a.vcpuCount() != b.vcpuCount() || (a.emulator() == null) != (b.emulator() == null)) {
                rebuild();
            } else {
                restyle();
            }
        });
        grid.layerProperty().addListener(o -> restyle());
        grid.currentCpusProperty().addListener(o -> restyle());
        grid.foreignCpusProperty().addListener(o -> restyle());
        grid.poolCpusProperty().addListener(o -> restyle());
        grid.cpuLoadProperty().addListener(o -> showLoads());
        grid.focusRowProperty().addListener(o -> restyle());
        grid.focusColumnProperty().addListener(o -> restyle());
        grid.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        rebuild();
    }

    private void rebuild() {
        PinGrid grid = getSkinnable();
        getChildren().clear();
        cells.clear();
        headers.clear();
        loads.clear();
        loadBars.clear();
        columns = grid.columns();
        rows = grid.rowCount();
        columnX = new double[columns.size()];
        double x = HEADER_WIDTH;
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                PhysicalCpu prev = columns.get(c - 1);
                PhysicalCpu cpu = columns.get(c);
                x += prev.node() != cpu.node() ? NODE_GAP : PinGrid.firstSibling(prev) != PinGrid.firstSibling(cpu) ? CORE_GAP : 0;
            }
            columnX[c] = x;
            x += CELL_SIZE;
        }
        for (int c = 0; c < columns.size(); c++) {
            PhysicalCpu cpu = columns.get(c);
            if (c == 0 || columns.get(c - 1).node() != cpu.node()) {
                // A node of a few CPUs is narrower than "Node 1": its short name keeps it from running into the next
                double span = nodeSpan(columns, c);
                Label node = header(Messages.get(span < CELL_SIZE * 5 ? "pin.grid.node-short" : "pin.grid.node", cpu.node()),
                        NODE_HEADER, columnX[c], 0, span, null);
                node.setTooltip(new javafx.scene.control.Tooltip(Messages.get("pin.grid.node", cpu.node())));
            }
            int id = cpu.id();
            Label h = header(Integer.toString(id), COLUMN_HEADER, columnX[c], HEADER_HEIGHT / 2, CELL_SIZE, () -> grid.toggleColumn(id));
            h.setId("pin-col-" + id);
            loadCell(id, columnX[c]);
        }
        for (int r = 0; r < rows; r++) {
            int row = r;
            String label = grid.isEmulatorRow(r) ? Messages.get("pin.grid.emulator") : Messages.get("pin.grid.vcpu", r);
            Label h = header(label, ROW_HEADER, 0, ROWS_TOP + r * (CELL_SIZE + 2), HEADER_WIDTH - 6, () -> grid.toggleRow(row));
            h.setId("pin-row-" + (grid.isEmulatorRow(r) ? "emulator" : Integer.toString(r)));
            for (int c = 0; c < columns.size(); c++) {
                cells.add(cell(r, columns.get(c).id(), columnX[c], ROWS_TOP + r * (CELL_SIZE + 2)));
            }
        }
        restyle();
        showLoads();
    }

    /** A CPU's load cell: a bar growing from the bottom behind its figure. */
    private void loadCell(int cpu, double x) {
        Region bar = new Region();
        bar.getStyleClass().add("pin-load-bar");
        bar.setManaged(false);
        bar.setMouseTransparent(true);
        Label load = new Label("–");
        load.getStyleClass().add(LOAD);
        load.setId("pin-load-" + cpu);
        load.setManaged(false);
        load.setAlignment(Pos.CENTER);
        load.resizeRelocate(x, HEADER_HEIGHT, CELL_SIZE, CELL_SIZE);
        load.setTooltip(new javafx.scene.control.Tooltip());
        loadBars.add(bar);
        loads.add(load);
        getChildren().addAll(bar, load);
    }

    private void showLoads() {
        java.util.Map<Integer, Double> load = getSkinnable().cpuLoadProperty().get();
        for (int c = 0; c < loads.size() && c < columns.size(); c++) {
            int cpu = columns.get(c).id();
            Double p = load == null ? null : load.get(cpu);
            boolean known = p != null && !p.isNaN();
            long shown = known ? Math.round(Math.max(0, Math.min(100, p))) : 0;
            Label l = loads.get(c);
            l.setText(known ? Long.toString(shown) : "–");
            l.getTooltip().setText(known ? Messages.get("pin.grid.load", cpu, shown) : Messages.get("pin.grid.load-unknown", cpu));
            l.pseudoClassStateChanged(BUSY, known && shown >= 80);
            double h = known ? Math.max(1, (CELL_SIZE - 2) * shown / 100.0) : 0;
            Region bar = loadBars.get(c);
            bar.setVisible(known);
            bar.pseudoClassStateChanged(BUSY, known && shown >= 80);
            bar.resizeRelocate(columnX[c] + 1, HEADER_HEIGHT + CELL_SIZE - 1 - h, CELL_SIZE - 2, h);
        }
    }

    /** The width from the node's first column to the end of its last. */
    private double nodeSpan(List<PhysicalCpu> columns, int first) {
        int last = first;
        while (last + 1 < columns.size() && columns.get(last + 1).node() == columns.get(first).node()) {
            last++;
        }
        return columnX[last] + CELL_SIZE - columnX[first];
    }

    private Label header(String text, String style, double x, double y, double width, Runnable onClick) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setManaged(false);
        l.setAlignment(style.equals(ROW_HEADER) ? Pos.CENTER_RIGHT : Pos.CENTER);
        l.resizeRelocate(x, y, width, CELL_SIZE);
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (onClick != null) {
            l.setOnMouseClicked(e -> onClick.run());
        }
        headers.add(l);
        getChildren().add(l);
        return l;
    }

    private Region cell(int row, int cpu, double x, double y) {
        PinGrid grid = getSkinnable();
        Region cell = new Region();
        cell.getStyleClass().add(CELL);
        cell.setId("pin-cell-" + row + "-" + cpu);
        cell.setManaged(false);
        cell.resizeRelocate(x, y, CELL_SIZE, CELL_SIZE);
        cell.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                grid.requestFocus();
                CpuSet now = grid.set(row, grid.layerProperty().get());
                dragOn = now == null || !now.contains(cpu);
                grid.setCell(row, cpu, dragOn);
                grid.focusRowProperty().set(row);
                grid.focusColumnProperty().set(columns.indexOf(columns.stream().filter(c -> c.id() == cpu).findFirst().orElseThrow()));
            }
        });
        cell.setOnDragDetected(e -> cell.startFullDrag());
        cell.setOnMouseDragEntered(e -> grid.setCell(row, cpu, dragOn));
        getChildren().add(cell);
        return cell;
    }

    private void restyle() {
        PinGrid grid = getSkinnable();
        PinPlan plan = grid.planProperty().get();
        if (plan == null || cells.size() != rows * columns.size()) {
            return;
        }
        Layer layer = grid.layerProperty().get();
        Layer other = layer == Layer.HARD ? Layer.SOFT : Layer.HARD;
        int[] current = grid.currentCpusProperty().get();
        CpuSet foreign = grid.foreignCpusProperty().get();
        CpuSet pool = grid.poolCpusProperty().get();
        for (int r = 0; r < rows; r++) {
            CpuSet mine = grid.set(r, layer);
            CpuSet theirs = plan.hasSoft() ? grid.set(r, other) : null;
            boolean emulator = grid.isEmulatorRow(r);
            for (int c = 0; c < columns.size(); c++) {
                PhysicalCpu cpu = columns.get(c);
                Region cell = cells.get(r * columns.size() + c);
                cell.pseudoClassStateChanged(ON, mine != null && mine.contains(cpu.id()));
                cell.pseudoClassStateChanged(OTHER_LAYER, theirs != null && theirs.contains(cpu.id()));
                cell.pseudoClassStateChanged(CURRENT, !emulator && r < current.length && current[r] == cpu.id());
                cell.pseudoClassStateChanged(OFFLINE, !cpu.online());
                cell.pseudoClassStateChanged(FOREIGN, foreign != null && foreign.contains(cpu.id()));
                cell.pseudoClassStateChanged(OUTSIDE_POOL, pool != null && !pool.contains(cpu.id()));
                cell.pseudoClassStateChanged(EMULATOR, emulator);
                cell.pseudoClassStateChanged(FOCUSED, grid.isFocused() && r == grid.focusRowProperty().get() && c == grid.focusColumnProperty().get());
            }
        }
    }

    private void key(KeyEvent e) {
        PinGrid grid = getSkinnable();
        if (rows == 0 || columns.isEmpty()) {
            return;
        }
        int r = Math.min(grid.focusRowProperty().get(), rows - 1);
        int c = Math.min(grid.focusColumnProperty().get(), columns.size() - 1);
        KeyCode code = e.getCode();
        switch (code) {
            case UP -> grid.focusRowProperty().set(Math.max(0, r - 1));
            case DOWN -> grid.focusRowProperty().set(Math.min(rows - 1, r + 1));
            case LEFT -> grid.focusColumnProperty().set(Math.max(0, c - 1));
            case RIGHT -> grid.focusColumnProperty().set(Math.min(columns.size() - 1, c + 1));
            case SPACE, ENTER -> {
                if (e.isShiftDown()) {
                    grid.toggleRow(r);
                } else if (e.isShortcutDown()) {
                    grid.toggleColumn(columns.get(c).id());
                } else {
                    grid.toggleCell(r, columns.get(c).id());
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
        restyle();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + right + (columnX.length == 0 ? HEADER_WIDTH : columnX[columnX.length - 1] + CELL_SIZE + 4);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + bottom + ROWS_TOP + rows * (CELL_SIZE + 2) + 4;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // Children are placed by hand in rebuild(); nothing to do per pass.
    }
}
