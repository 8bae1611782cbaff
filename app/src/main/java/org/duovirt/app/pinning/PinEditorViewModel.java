package org.duovirt.app.pinning;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.stats.HostLoad;
import org.duovirt.app.stats.HostLoadSnapshot;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.pin.PinChecks;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinSetup;
import org.duovirt.core.pin.PinWarnings;
import org.duovirt.core.pin.Preset;
import org.duovirt.core.spi.ProgressListener;

/**
 * The pinning editor of one VM: reads its {@link PinSetup}, holds the plan being edited, recomputes the
 * warnings and problems on every edit, shows presets as plans before they are applied, applies live,
 * persistent or both on the host's thread (whole or not at all), and can undo the last apply by applying
 * the pins it replaced. While open it watches the host's {@link HostLoad} for each CPU's load. Never touches controls; every host call goes through the VM's host session.
 */
public final class PinEditorViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final CurrentCpuFeed feed;
    private final HostLoad hostLoad;
    private final java.time.Duration loadInterval;
    private final ObjectProperty<Map<Integer, Double>> cpuLoad = new SimpleObjectProperty<>(Map.of());
    private AutoCloseable watchingLoad;
    private final ObjectProperty<PinSetup> setup = new SimpleObjectProperty<>();
    private final ObjectProperty<PinPlan> plan = new SimpleObjectProperty<>();
    private final ObjectProperty<int[]> currentCpus = new SimpleObjectProperty<>(new int[0]);
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final BooleanProperty config = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private Consumer<DuovirtException> errorHandler = e -> { };
    private PinPlan undoPlan;
    private Set<PinScope> undoScopes;
    private AutoCloseable feeding;

    public PinEditorViewModel(TaskExecutor ui, VmRow row, CurrentCpuFeed feed) {
        this(ui, row, feed, null, null);
    }

    /** @param hostLoad the host's load sampler (null: no load shown), watched every {@code loadInterval} */
    public PinEditorViewModel(TaskExecutor ui, VmRow row, CurrentCpuFeed feed, HostLoad hostLoad,
                              java.time.Duration loadInterval) {
        this.ui = ui;
        this.row = row;
        this.feed = feed;
        this.hostLoad = hostLoad;
        this.loadInterval = loadInterval;
        plan.addListener(o -> recheck());
    }

    public VmRow row() {
        return row;
    }

    public void setErrorHandler(Consumer<DuovirtException> handler) {
        errorHandler = handler;
    }

    /** Reads the setup on the host's thread; the plan starts as the VM's pins now. Starts the current-CPU feed. */
    public void load() {
        busy.set(true);
        row.host().call("Reading the pinning of " + row.name(), c -> PinSetup.read(c, row.name()))
                .whenComplete((s, e) -> ui.ui(() -> {
                    busy.set(false);
                    if (e != null) {
                        errorHandler.accept(asDuovirt(e));
                        return;
                    }
                    setup.set(s);
                    plan.set(s.adapt(PinPlan.of(s.pinning())));
                    currentCpus.set(s.pinning().vcpus().stream().mapToInt(v -> v.currentCpu()).toArray());
                    live.set(row.state() != null && row.state().isActive());
                    startFeed();
                }));
    }

    private void startFeed() {
        if (feeding == null && feed != null) {
            feeding = feed.subscribe(cpus -> ui.ui(() -> currentCpus.set(cpus)));
        }
        if (watchingLoad == null && hostLoad != null) {
            showLoad(hostLoad.snapshot());
            watchingLoad = hostLoad.watch(loadInterval, () -> showLoad(hostLoad.snapshot()));
        }
    }

    /** Each CPU's load as this tick of the host says it; none (all "–") when it has no per-CPU figures. */
    public void showLoad(HostLoadSnapshot snapshot) {
        ui.assertUiThread();
        cpuLoad.set(snapshot == null || snapshot.cpus() == null ? Map.of() : Map.copyOf(snapshot.cpus().percent()));
    }

    private void recheck() {
        ui.assertUiThread();
        PinSetup s = setup.get();
        PinPlan p = plan.get();
        if (s == null || p == null) {
            return;
        }
        warnings.setAll(PinWarnings.of(p, s.context()).stream().map(w -> Messages.get(w.kind().key(), w.args().toArray())).toList());
        problems.set(String.join(" ", PinChecks.problems(p, s.vcpus(), s.context(), s.caps())));
        preview.set("");
    }

    /** Shows a preset's plan in the grid; nothing is applied until {@link #apply}. */
    public void showPreset(Preset preset) {
        try {
            plan.set(setup.get().preset(preset));
            outcome.set(Messages.get("pin.preset-shown", preset.toString()));
        } catch (DuovirtException e) {
            outcome.set(e.getMessage());
        }
    }

    /** Asks the host how it would write the plan (the {@code <cputune>}, the cfg lines). */
    public void loadPreview() {
        PinPlan p = plan.get();
        row.host().call("Previewing the pinning of " + row.name(), c -> c.previewPinning(row.name(), p))
                .whenComplete((text, e) -> ui.ui(() -> preview.set(e != null ? asDuovirt(e).getMessage() : text)));
    }

    public Set<PinScope> scopes() {
        EnumSet<PinScope> s = EnumSet.noneOf(PinScope.class);
        if (live.get()) {
            s.add(PinScope.LIVE);
        }
        if (config.get()) {
            s.add(PinScope.CONFIG);
        }
        return s;
    }

    /** Applies the plan in the chosen scopes; the pins it replaces become the undo. */
    public void apply() {
        if (!problems.get().isEmpty() || scopes().isEmpty() || setup.get() == null) {
            return;
        }
        PinPlan before = setup.get().adapt(PinPlan.of(setup.get().pinning()));
        run(plan.get(), scopes(), before);
    }

    /** Puts back the pins the last apply replaced, in the same scopes. */
    public void undo() {
        if (undoPlan != null) {
            PinPlan back = undoPlan;
            undoPlan = null;
            canUndo.set(false);
            plan.set(back);
            run(back, undoScopes, null);
        }
    }

    private void run(PinPlan target, Set<PinScope> scopes, PinPlan replaced) {
        busy.set(true);
        outcome.set(Messages.get("pin.applying"));
        row.host().call("Pinning " + row.name(), c -> {
            long t0 = System.nanoTime();
            c.applyPinning(row.name(), target, scopes, ProgressListener.NONE);
            return (System.nanoTime() - t0) / 1_000_000;
        }).whenComplete((ms, e) -> ui.ui(() -> {
            busy.set(false);
            if (e != null) {
                DuovirtException d = asDuovirt(e);
                outcome.set(d.getMessage());
                errorHandler.accept(d);
                return;
            }
            if (replaced != null) {
                undoPlan = replaced;
                undoScopes = scopes;
                canUndo.set(true);
            }
            outcome.set(Messages.get(replaced != null ? "pin.applied" : "pin.undone", ms));
            reloadPins();
        }));
    }

    /** Re-reads the VM's pins after an apply, keeping the plan on screen as the host now has it. */
    private void reloadPins() {
        row.host().call("Reading the pinning of " + row.name(), c -> PinSetup.read(c, row.name()))
                .whenComplete((s, e) -> ui.ui(() -> {
                    if (s != null) {
                        setup.set(s);
                        plan.set(s.adapt(PinPlan.of(s.pinning())));
                    }
                }));
    }

    /** Moves the VM into another Xen cpupool, then reads everything again. */
    public void moveToPool(String pool) {
        busy.set(true);
        row.host().call("Moving " + row.name() + " to " + pool, c -> {
            c.moveToCpuPool(row.name(), pool);
            return pool;
        }).whenComplete((p, e) -> ui.ui(() -> {
            busy.set(false);
            if (e != null) {
                errorHandler.accept(asDuovirt(e));
            } else {
                outcome.set(Messages.get("pin.pool-moved", p));
                load();
            }
        }));
    }

    public void close() {
        closeQuietly(feeding);
        feeding = null;
        closeQuietly(watchingLoad);
        watchingLoad = null;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the timer stops either way
            }
        }
    }

    static DuovirtException asDuovirt(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof DuovirtException d ? d : new DuovirtException(String.valueOf(c.getMessage()), c);
    }

    public ReadOnlyObjectProperty<PinSetup> setupProperty() {
        return setup;
    }

    public ObjectProperty<PinPlan> planProperty() {
        return plan;
    }

    /** Per host CPU its load now (0–100, NaN or missing: unknown). */
    public ReadOnlyObjectProperty<Map<Integer, Double>> cpuLoadProperty() {
        return cpuLoad;
    }

    public ReadOnlyObjectProperty<int[]> currentCpusProperty() {
        return currentCpus;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public BooleanProperty liveProperty() {
        return live;
    }

    public BooleanProperty configProperty() {
        return config;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** The presets this VM's host can offer: one numa:N per node. */
    public List<Preset> presets() {
        List<Preset> out = new java.util.ArrayList<>(List.of(Preset.of(Preset.Kind.COMPACT), Preset.of(Preset.Kind.SPREAD)));
        PinSetup s = setup.get();
        if (s != null) {
            s.context().topology().cells().forEach(c -> out.add(Preset.numa(c.id())));
        }
        out.addAll(List.of(Preset.of(Preset.Kind.AVOID_SMT), Preset.of(Preset.Kind.ISOLATE), Preset.of(Preset.Kind.NONE)));
        return out;
    }
}
