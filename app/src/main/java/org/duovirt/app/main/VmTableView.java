package org.duovirt.app.main;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.duovirt.app.Messages;
import org.duovirt.core.text.Printable;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Series;
import org.duovirt.app.host.Units;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.StatsGroup;

/** The VM table: sortable, multi-select, rows of unreachable hosts greyed, sparkline columns. */
public final class VmTableView extends TableView<VmRow> {
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    /**
     * Every row is one line of text or a 22 px sparkline: 30 px, as base.css's -fx-cell-size. Fixed, so that a
     * scroll lays out only the rows on screen; without it VirtualFlow sizes cells over the list to estimate its
     * height (a third of the FX thread's samples while 1,000 rows scrolled, docs/benchmarks.md).
     */
    static final double ROW_HEIGHT = 30;
    private final Map<StatsGroup, TableColumn<VmRow, Series>> statsColumns;
    /** The row cells the table made (about a screenful, reused); weak: cells VirtualFlow drops can go. */
    private final Set<OfflineAwareRow> rowCells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private boolean showing = true;

    public VmTableView(MainViewModel vm) {
        setId("vm-table");
        SortedList<VmRow> sorted = new SortedList<>(vm.visibleRows());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedItems().addListener((ListChangeListener<VmRow>) c ->
                vm.selection().setAll(new ArrayList<>(getSelectionModel().getSelectedItems())));
        setTableMenuButtonVisible(true);
        setPlaceholder(placeholder(vm));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(ROW_HEIGHT);

        TableColumn<VmRow, VmState> state = column("column.state", "state", r -> r.stateProperty());
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(120);
        ColumnFit.grow(state, StateCell.widest());
        state.setComparator((a, b) -> a.compareTo(b));
        TableColumn<VmRow, String> name = column("column.name", "name", r -> new ReadOnlyObjectWrapper<>(Printable.line(r.name())));
        name.setPrefWidth(200);
        name.setComparator(NaturalOrder.INSTANCE);
        name.setCellFactory(c -> new FittingCell<>(s -> s));
        TableColumn<VmRow, String> host = column("column.host", "host", r -> new ReadOnlyObjectWrapper<>(Printable.line(r.host().displayName())));
        host.setPrefWidth(170);
        host.setCellFactory(c -> new FittingCell<>(s -> s));
        TableColumn<VmRow, Number> vcpus = column("column.vcpus", "vcpus", VmRow::vcpusProperty);
        vcpus.setPrefWidth(70);
        vcpus.getStyleClass().add("number-cell");
        vcpus.setCellFactory(c -> new FittingCell<>(n -> Long.toString(n.longValue())));
        TableColumn<VmRow, Number> memory = column("column.memory", "memory", VmRow::memoryMiBProperty);
        memory.setPrefWidth(90);
        memory.getStyleClass().add("number-cell");
        memory.setCellFactory(c -> new FittingCell<>(mib -> Units.mebibytes(mib.longValue())));
        statsColumns = Map.of(
                StatsGroup.CPU, spark("column.cpu", "cpu", VmRow::cpuProperty),
                StatsGroup.MEMORY, spark("column.memory-usage", "memory-usage", VmRow::memoryProperty),
                StatsGroup.BLOCK, spark("column.disk", "disk", VmRow::diskProperty),
                StatsGroup.NET, spark("column.network", "network", VmRow::netProperty));
        getColumns().addAll(List.of(state, name, host, vcpus, memory, statsColumns.get(StatsGroup.CPU),
                statsColumns.get(StatsGroup.MEMORY), statsColumns.get(StatsGroup.BLOCK), statsColumns.get(StatsGroup.NET)));
        getSortOrder().add(name);
        getColumns().forEach(ColumnFit::fitHeader);
        OverflowingColumns.watch(this);

        setRowFactory(t -> {
            OfflineAwareRow r = new OfflineAwareRow();
            rowCells.add(r);
            return r;
        });
    }

    /**
     * The table's tab was selected (true) or another tab was (false). While hidden no row counts as shown, so a
     * stats tick only marks the sparklines stale (a Performance tab in front of 1,000 rows rebuilt ~40 rows'
     * four sparklines per host tick for nobody); showing the table again rebuilds the rows on screen at once.
     */
    public void setShowing(boolean on) {
        if (on != showing) {
            showing = on;
            rowCells.forEach(r -> r.count(on));
        }
    }

    /** A row greyed while its host is not connected; follows the host's state without refreshing the table. */
    private final class OfflineAwareRow extends TableRow<VmRow> {
        private final javafx.beans.InvalidationListener hostState = o -> restyle();
        private VmRow watched;
        /** Whether this cell counts as showing {@link #watched} ({@link VmRow#shown}). */
        private boolean counted;

        @Override
        protected void updateItem(VmRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.host().stateProperty().removeListener(hostState);
            }
            count(false);
            watched = empty ? null : row;
            if (watched != null) {
                watched.host().stateProperty().addListener(hostState);
            }
            count(showing);
            restyle();
        }

        void count(boolean on) {
            if (watched != null && on != counted) {
                counted = on;
                watched.shown(on);
            } else if (watched == null) {
                counted = false;
            }
        }

        private void restyle() {
            pseudoClassStateChanged(OFFLINE, watched != null && watched.host().state() != HostState.CONNECTED);
        }
    }

    /** "No VMs" and "the filter hides them all" are different news. */
    private static Label placeholder(MainViewModel vm) {
        Label l = new Label();
        l.textProperty().bind(javafx.beans.binding.Bindings.when(vm.filterTextProperty().isEmpty())
                .then(Messages.get("table.no-vms")).otherwise(Messages.get("table.empty")));
        l.getStyleClass().add("empty-placeholder");
        return l;
    }

    private static <T> TableColumn<VmRow, T> column(String key, String id, Function<VmRow, ObservableValue<T>> value) {
        TableColumn<VmRow, T> c = new TableColumn<>(Messages.get(key));
        c.setId("col-" + id);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    private TableColumn<VmRow, Series> spark(String key, String id, Function<VmRow, ObservableValue<Series>> value) {
        TableColumn<VmRow, Series> c = column(key, id, value);
        c.setCellFactory(x -> new SparklineCell());
        c.setSortable(false);
        c.setPrefWidth(180);
        return c;
    }

    public Map<StatsGroup, TableColumn<VmRow, Series>> statsColumns() {
        return statsColumns;
    }

    /** The stats groups whose columns are showing. */
    public Set<StatsGroup> visibleStats() {
        Set<StatsGroup> out = EnumSet.noneOf(StatsGroup.class);
        statsColumns.forEach((g, c) -> {
            if (c.isVisible()) {
                out.add(g);
            }
        });
        return out;
    }
}
