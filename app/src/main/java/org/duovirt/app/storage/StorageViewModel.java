package org.duovirt.app.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * The Storage tab of one host: its pools with capacity, allocation and free space, the volumes of the selected
 * pool, and create, delete (asking, naming the VMs that use the volume), grow and upload (a job with progress and
 * cancel). Every host call runs off the UI thread; problems with typed values show next to their field.
 */
public final class StorageViewModel {
    /** An upload of an ISO over a slow link may take long; the job's cancel stays available all along. */
    static final Duration UPLOAD_TIMEOUT = Duration.ofHours(2);
    private final TaskExecutor ui;
    private final HostSession session;
    private final Jobs jobs;
    private final DialogService dialogs;
    private final org.duovirt.app.host.ReportingCalls calls;
    private final ObservableList<PoolInfo> pools = FXCollections.observableArrayList();
    private final ObservableList<VolumeInfo> volumes = FXCollections.observableArrayList();
    private final ObjectProperty<PoolInfo> selectedPool = new SimpleObjectProperty<>();
    private final ObjectProperty<VolumeInfo> selectedVolume = new SimpleObjectProperty<>();
    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newSize = new SimpleStringProperty("10G");
    private final StringProperty newFormat = new SimpleStringProperty("qcow2");
    private final SimpleStringProperty newProblem = new SimpleStringProperty();
    private final StringProperty growSize = new SimpleStringProperty("");
    private final SimpleStringProperty growProblem = new SimpleStringProperty();
    private final PoolActions poolActions;
    /** Set while {@link #refresh} picks the pool itself, so the selection listener does not load twice. */
    private boolean loadingSelection;

    public StorageViewModel(TaskExecutor ui, HostSession session, Jobs jobs, DialogService dialogs) {
        this.ui = ui;
        this.session = session;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.calls = new org.duovirt.app.host.ReportingCalls(ui, session, dialogs);
        this.poolActions = new PoolActions(ui, session, jobs, dialogs, calls, selectedPool, pools, this::refresh);
        newName.addListener((o, a, b) -> checkNew());
        newSize.addListener((o, a, b) -> checkNew());
        selectedPool.addListener((o, a, b) -> {
            checkNew();
            if (!loadingSelection) {
                loadVolumes();
            }
        });
        growSize.addListener((o, a, b) -> checkGrow());
        selectedVolume.addListener((o, a, b) -> checkGrow());
        checkNew();
    }

    public ObservableList<PoolInfo> pools() {
        return pools;
    }

    /** New pool, start, stop, autostart, delete: the actions on pools themselves. */
    public PoolActions poolActions() {
        return poolActions;
    }

    public ObservableList<VolumeInfo> volumes() {
        return volumes;
    }

    public ObjectProperty<PoolInfo> selectedPoolProperty() {
        return selectedPool;
    }

    public ObjectProperty<VolumeInfo> selectedVolumeProperty() {
        return selectedVolume;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newSizeProperty() {
        return newSize;
    }

    public StringProperty newFormatProperty() {
        return newFormat;
    }

    /** Why the new volume cannot be created as typed, or null. */
    public ReadOnlyStringProperty newProblemProperty() {
        return newProblem;
    }

    public StringProperty growSizeProperty() {
        return growSize;
    }

    public ReadOnlyStringProperty growProblemProperty() {
        return growProblem;
    }

    public String hostName() {
        return session.displayName();
    }

    /** Why a change is not offered on this host, or null when it is. */
    public String unsupportedReason(Feature feature) {
        return calls.unsupportedReason(feature);
    }

    /** Re-reads the pools (keeping the selection by name) and the volumes of the selected one. */
    public CompletableFuture<Void> refresh() {
        ui.assertUiThread();
        String selected = selectedPool.get() == null ? null : selectedPool.get().name();
        return call(Messages.get("storage.call.pools", session.displayName()), HostConnection::pools).thenCompose(list -> onUi(() -> {
            if (list == null) {
                return CompletableFuture.completedFuture(null);
            }
            pools.setAll(list);
            PoolInfo keep = list.stream().filter(p -> p.name().equals(selected)).findFirst()
                    .orElse(list.isEmpty() ? null : list.get(0));
            loadingSelection = true;
            try {
                selectedPool.set(keep);
            } finally {
                loadingSelection = false;
            }
            return loadVolumes();
        }));
    }

    private CompletableFuture<Void> loadVolumes() {
        PoolInfo pool = selectedPool.get();
        // A stopped pool has no volume list to read (libvirt refuses): show it empty rather than an error.
        if (pool == null || !pool.active()) {
            volumes.clear();
            return CompletableFuture.completedFuture(null);
        }
        return call(Messages.get("storage.call.volumes", pool.name()), c -> c.volumes(pool.name()))
                .thenAccept(list -> ui.ui(() -> {
                    if (list != null && pool.equals(selectedPool.get())) {
                        volumes.setAll(list);
                    }
                }));
    }

    /** Creates the volume as typed; nothing is sent while {@link #newProblemProperty} names a problem. */
    public CompletableFuture<Void> createVolume() {
        ui.assertUiThread();
        checkNew();
        PoolInfo pool = selectedPool.get();
        if (newProblem.get() != null || pool == null) {
            return CompletableFuture.completedFuture(null);
        }
        String name = newName.get().strip();
        long bytes = DeviceInputs.parseSize(newSize.get());
        String format = newFormat.get();
        return call(Messages.get("storage.call.create", name), c -> c.createVolume(pool.name(), name, bytes, format))
                .thenCompose(v -> onUi(() -> {
                    newName.set("");
                    return refresh();
                }));
    }

    /** Asks, naming the VMs that use the volume and that their disk goes with it, then deletes it. */
    public CompletableFuture<Void> deleteSelected() {
        ui.assertUiThread();
        VolumeInfo v = selectedVolume.get();
        if (v == null) {
            return CompletableFuture.completedFuture(null);
        }
        String body = v.usedBy().isEmpty() ? Messages.get("storage.delete.unused", v.path())
                : Messages.get("storage.delete.used", v.path(), String.join(", ", v.usedBy()));
        if (!dialogs.confirm(Messages.get("storage.delete.header", v.name()), body, Messages.get("storage.delete.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        // The user saw the VMs named and confirmed: the backend may delete a volume in use.
        return call(Messages.get("storage.call.delete", v.name()), c -> {
            c.deleteVolume(v.pool(), v.name(), true);
            return null;
        }).thenCompose(x -> onUi(this::refresh));
    }

    public CompletableFuture<Void> growSelected() {
        ui.assertUiThread();
        checkGrow();
        VolumeInfo v = selectedVolume.get();
        if (growProblem.get() != null || v == null) {
            return CompletableFuture.completedFuture(null);
        }
        long bytes = DeviceInputs.parseSize(growSize.get());
        return call(Messages.get("storage.call.grow", v.name()), c -> {
            c.resizeVolume(v.pool(), v.name(), bytes);
            return null;
        }).thenCompose(x -> onUi(this::refresh));
    }

    /**
     * Asks for a local file and uploads it into the selected pool as a job (progress, cancel); a cancel or a
     * failure leaves no half volume (the backend removes it).
     *
     * @return the job, or null when no file was chosen
     */
    public Job upload() {
        ui.assertUiThread();
        PoolInfo pool = selectedPool.get();
        if (pool == null) {
            return null;
        }
        Path file = dialogs.chooseFile(Messages.get("storage.upload.choose"), null, List.of()).orElse(null);
        if (file == null) {
            return null;
        }
        String name = file.getFileName().toString();
        String step = Messages.get("storage.upload.step", name, pool.name());
        Job job = jobs.newJob(Messages.get("storage.upload.title", name, session.displayName()), List.of(step));
        jobs.run(job, UPLOAD_TIMEOUT, j -> {
            HostConnection c = session.connectionForJob();
            if (c == null) {
                throw new HostUnreachableException(Messages.get("wizard.job.not-connected", session.displayName()), null, null);
            }
            j.beginStep(step);
            return c.uploadVolume(pool.name(), name, file, j.listener());
        }).whenComplete((v, e) -> ui.ui(this::refresh));
        return job;
    }

    /**
     * Asks where to save the selected volume on this machine and downloads it as a job (progress, cancel); the file
     * appears only when it is whole, so a cancel or a failure leaves nothing, and an existing file is never replaced.
     */
    public Job download() {
        ui.assertUiThread();
        PoolInfo pool = selectedPool.get();
        VolumeInfo volume = selectedVolume.get();
        if (pool == null || volume == null) {
            return null;
        }
        Path file = dialogs.chooseSaveFile(Messages.get("storage.download.choose", volume.name()), volume.name()).orElse(null);
        if (file == null) {
            return null;
        }
        String step = Messages.get("storage.download.step", volume.name(), file.toString());
        Job job = jobs.newJob(Messages.get("storage.download.title", volume.name(), session.displayName()), List.of(step));
        jobs.run(job, UPLOAD_TIMEOUT, j -> {
            HostConnection c = session.connectionForJob();
            if (c == null) {
                throw new HostUnreachableException(Messages.get("wizard.job.not-connected", session.displayName()), null, null);
            }
            j.beginStep(step);
            return c.downloadVolume(pool.name(), volume.name(), file, j.listener());
        });
        return job;
    }

    private void checkNew() {
        newProblem.set(newProblemNow());
    }

    private String newProblemNow() {
        String name = newName.get() == null ? "" : newName.get().strip();
        if (name.isEmpty()) {
            return Messages.get("storage.new.name-needed");
        }
        String problem = DeviceInputs.volumeNameProblem(name);
        if (problem != null) {
            return problem;
        }
        try {
            long bytes = DeviceInputs.parseSize(newSize.get());
            PoolInfo pool = selectedPool.get();
            return DeviceInputs.sizeProblem(bytes, pool == null ? -1 : pool.availableBytes());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void checkGrow() {
        VolumeInfo v = selectedVolume.get();
        if (v == null) {
            growProblem.set(Messages.get("storage.grow.select"));
            return;
        }
        PoolInfo pool = selectedPool.get();
        growProblem.set(GrowCheck.problem(growSize.get(), v.name(), v.capacityBytes(), pool == null ? null : pool.name(),
                pool == null ? -1 : pool.availableBytes()));
    }

    private <T> CompletableFuture<T> call(String what, Function<HostConnection, T> op) {
        return calls.call(what, op);
    }

    private CompletableFuture<Void> onUi(java.util.function.Supplier<CompletableFuture<Void>> action) {
        return calls.onUi(action);
    }
}
