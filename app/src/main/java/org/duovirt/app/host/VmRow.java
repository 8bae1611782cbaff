package org.duovirt.app.host;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.stats.VmRates;

/**
 * One VM of one host as the table and the tree show it. Changed only on the UI thread (by its host session).
 */
public final class VmRow {
    private final HostSession host;
    private final String name;
    private final StringProperty uuid = new SimpleStringProperty();
    private final ObjectProperty<VmState> state = new SimpleObjectProperty<>();
    private final IntegerProperty vcpus = new SimpleIntegerProperty();
    private final LongProperty memoryMiB = new SimpleLongProperty();
    private final SeriesHistory cpuHistory = new SeriesHistory(true, Units::percent);
    private final SeriesHistory memoryHistory = new SeriesHistory(true, Units::percent);
    private final SeriesHistory diskHistory = new SeriesHistory(false, Units::rate);
    private final SeriesHistory netHistory = new SeriesHistory(false, Units::rate);
    private final ObjectProperty<Series> cpu = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> memory = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> disk = new SimpleObjectProperty<>(Series.EMPTY);
    private final ObjectProperty<Series> net = new SimpleObjectProperty<>(Series.EMPTY);

    VmRow(HostSession host, VmSummary summary) {
        this.host = host;
        this.name = summary.name();
        update(summary);
    }

    public HostSession host() {
        return host;
    }

    public String name() {
        return name;
    }

    void update(VmSummary s) {
        uuid.set(s.uuid());
        setState(s.state());
        vcpus.set(s.vcpus());
        memoryMiB.set(s.memoryMiB() > 0 ? s.memoryMiB() : s.maxMemoryKiB() / 1024);
    }

    void setState(VmState newState) {
        if (newState != null && newState != state.get()) {
            if (state.get() != null && !newState.isActive()) {
                clearStats();
            }
            state.set(newState);
        }
    }

    /** Adds one stats tick; {@code rates} null means the VM was not in the sample (not running). */
    void addRates(VmRates rates) {
        if (rates == null) {
            cpuHistory.add(Double.NaN);
            memoryHistory.add(Double.NaN);
            diskHistory.add(Double.NaN);
            netHistory.add(Double.NaN);
        } else {
            int n = Math.max(1, vcpus.get());
            cpuHistory.add(clamp(rates.cpuPercent() / n));
            long mem = memoryMiB.get();
            memoryHistory.add(rates.memoryUsedMiB() < 0 || mem <= 0 ? Double.NaN : clamp(100.0 * rates.memoryUsedMiB() / mem));
            diskHistory.add(sum(rates.diskReadBps(), rates.diskWriteBps()));
            netHistory.add(sum(rates.netRxBps(), rates.netTxBps()));
        }
        cpu.set(cpuHistory.snapshot());
        memory.set(memoryHistory.snapshot());
        disk.set(diskHistory.snapshot());
        net.set(netHistory.snapshot());
    }

    private void clearStats() {
        for (SeriesHistory h : new SeriesHistory[] {cpuHistory, memoryHistory, diskHistory, netHistory}) {
            h.clear();
        }
        cpu.set(Series.EMPTY);
        memory.set(Series.EMPTY);
        disk.set(Series.EMPTY);
        net.set(Series.EMPTY);
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? v : Math.max(0, Math.min(100, v));
    }

    private static double sum(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : a + b;
    }

    public ReadOnlyObjectProperty<VmState> stateProperty() {
        return state;
    }

    public VmState state() {
        return state.get();
    }

    public StringProperty uuidProperty() {
        return uuid;
    }

    public IntegerProperty vcpusProperty() {
        return vcpus;
    }

    public LongProperty memoryMiBProperty() {
        return memoryMiB;
    }

    public ReadOnlyObjectProperty<Series> cpuProperty() {
        return cpu;
    }

    public ReadOnlyObjectProperty<Series> memoryProperty() {
        return memory;
    }

    public ReadOnlyObjectProperty<Series> diskProperty() {
        return disk;
    }

    public ReadOnlyObjectProperty<Series> netProperty() {
        return net;
    }

    @Override
    public String toString() {
        return name + "@" + host.displayName();
    }
}
