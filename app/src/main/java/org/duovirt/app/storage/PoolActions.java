package org.duovirt.app.storage;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * The Storage tab's actions on pools themselves: new (the dialog, then a job), start, stop, autostart and delete
 * (asking first, naming the volumes and the VMs that use them; a job). Each says why it is greyed for the selected
 * pool; every host call runs off the UI thread and ends with the tab re-read.
 */
public final class PoolActions {
    /** Building an fs or netfs pool mounts storage, which may wait on a slow server. */
    static final Duration POOL_JOB_TIMEOUT = Duration.ofMinutes(5);
    private final TaskExecutor ui;
    private final HostSession session;
    private final Jobs jobs;
    private final DialogService dialogs;
    private final ReportingCalls calls;
    private final ObjectProperty<PoolInfo> selected;
    private final ObservableList<PoolInfo> pools;
    private final Supplier<CompletableFuture<Void>> refresh;
    private final String unsupported;
    private final StringBinding startReason;
    private final StringBinding stopReason;
    private final StringBinding selectReason;

    PoolActions(TaskExecutor ui, HostSession session, Jobs jobs, DialogService dialogs, ReportingCalls calls,
                ObjectProperty<PoolInfo> selected, ObservableList<PoolInfo> pools, Supplier<CompletableFuture<Void>> refresh) {
        this.ui = ui;
        this.session = session;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.calls = calls;
        this.selected = selected;
        this.pools = pools;
        this.refresh = refresh;
        this.unsupported = calls.unsupportedReason(Feature.POOL_MANAGE);
        this.selectReason = Bindings.createStringBinding(() -> unsupported != null ? unsupported
                : selected.get() == null ? Messages.get("pool.select") : null, selected);
        this.startReason = Bindings.createStringBinding(() -> selectReason.get() != null ? selectReason.get()
                : selected.get().active() ? Messages.get("pool.running", selected.get().name()) : null, selected, selectReason);
        this.stopReason = Bindings.createStringBinding(() -> selectReason.get() != null ? selectReason.get()
                : !selected.get().active() ? Messages.get("pool.stopped", selected.get().name()) : null, selected, selectReason);
    }

    /** Why no pool can be created here, or null. */
    public String newReason() {
        return unsupported;
    }

    /** Why Start is greyed for the selected pool (not offered, none selected, already running), or null. */
    public StringBinding startReason() {
        return startReason;
    }

    public StringBinding stopReason() {
        return stopReason;
    }

    /** Why Autostart and Delete are greyed (not offered, none selected), or null. */
    public StringBinding selectReason() {
        return selectReason;
    }

    /**
     * Reads the host's pool types, shows the dialog and creates the pool as a job.
     *
     * @return completes when the pool is made and the tab re-read, or at once when the user cancelled
     */
    public CompletableFuture<Void> newPool() {
        ui.assertUiThread();
        Set<String> taken = new TreeSet<>(pools.stream().map(PoolInfo::name).toList());
        return calls.call(Messages.get("pool.call.types", session.displayName()), HostConnection::poolTypes)
                .thenCompose(types -> calls.onUi(() -> {
                    if (types == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    NewPoolViewModel model = new NewPoolViewModel(session.displayName(), types, taken);
                    if (!dialogs.runWizard(model) || !model.validBinding().get()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    PoolSpec spec = model.spec();
                    return job(Messages.get("pool.call.create", spec.name()), c -> c.createPool(spec));
                }));
    }

    public CompletableFuture<Void> start() {
        return simple(startReason, "pool.call.start", (c, p) -> c.startPool(p));
    }

    public CompletableFuture<Void> stop() {
        return simple(stopReason, "pool.call.stop", (c, p) -> c.stopPool(p));
    }

    public CompletableFuture<Void> setAutostart(boolean autostart) {
        PoolInfo pool = selected.get();
        if (pool == null || pool.autostart() == autostart) {
            return CompletableFuture.completedFuture(null);
        }
        return simple(selectReason, "pool.call.autostart", (c, p) -> c.setPoolAutostart(p, autostart));
    }

    /**
     * Asks, naming the pool's volumes and the VMs that use them, then deletes the pool as a job; when the pool holds
     * no volumes a second question offers to remove its (empty) target directory too.
     */
    public CompletableFuture<Void> delete() {
        ui.assertUiThread();
        PoolInfo pool = selected.get();
        if (selectReason.get() != null) {
            return CompletableFuture.completedFuture(null);
        }
        Function<HostConnection, List<VolumeInfo>> read = c -> pool.active() ? c.volumes(pool.name()) : null;
        return calls.call(Messages.get("storage.call.volumes", pool.name()), read).thenCompose(volumes -> calls.onUi(() -> {
            String names = volumes == null ? Messages.get("pool.delete.unknown") : volumes.isEmpty()
                    ? Messages.get("pool.delete.none") : String.join(", ", volumes.stream().map(VolumeInfo::name).toList());
            TreeSet<String> vms = new TreeSet<>();
            if (volumes != null) {
                volumes.forEach(v -> vms.addAll(v.usedBy()));
            }
            String path = String.valueOf(pool.path());
            String body = vms.isEmpty() ? Messages.get("pool.delete.body", pool.name(), path, names)
                    : Messages.get("pool.delete.body.used", pool.name(), path, names, String.join(", ", vms));
            if (!dialogs.confirm(Messages.get("pool.delete.header", pool.name()), body, Messages.get("pool.delete.confirm"))) {
                return CompletableFuture.completedFuture(null);
            }
            boolean directory = volumes != null && volumes.isEmpty() && pool.path() != null && !"logical".equals(pool.type())
                    && dialogs.confirm(Messages.get("pool.delete.target.header", path),
                    Messages.get("pool.delete.target.body", path, pool.name()), Messages.get("pool.delete.target.confirm"));
            // The user saw the VMs named and confirmed: the backend may delete a pool whose volumes are in use.
            return job(Messages.get("pool.call.delete", pool.name()), c -> {
                c.deletePool(pool.name(), directory, true);
                return null;
            });
        }));
    }

    /** A host call on the selected pool. */
    interface PoolCall {
        void call(HostConnection c, String pool);
    }

    private CompletableFuture<Void> simple(StringBinding reason, String whatKey, PoolCall call) {
        ui.assertUiThread();
        PoolInfo pool = selected.get();
        if (reason.get() != null || pool == null) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get(whatKey, pool.name()), c -> {
            call.call(c, pool.name());
            return null;
        }).thenCompose(x -> calls.onUi(refresh));
    }

    private <T> CompletableFuture<Void> job(String title, Function<HostConnection, T> work) {
        Job job = jobs.newJob(title + " (" + session.displayName() + ")", List.of(title));
        CompletableFuture<Void> done = new CompletableFuture<>();
        jobs.run(job, POOL_JOB_TIMEOUT, j -> {
            HostConnection c = session.connectionForJob();
            if (c == null) {
                throw new HostUnreachableException(Messages.get("wizard.job.not-connected", session.displayName()), null, null);
            }
            j.beginStep(title);
            return work.apply(c);
        }).whenComplete((v, e) -> ui.ui(() -> refresh.get().whenComplete((x, y) -> done.complete(null))));
        return done;
    }
}
