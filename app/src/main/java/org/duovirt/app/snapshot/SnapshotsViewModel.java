package org.duovirt.app.snapshot;

import java.util.concurrent.CompletableFuture;
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
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.spi.Feature;

/**
 * A VM's Snapshots tab: the list with time, state and description; take one (disks, and memory while the VM
 * runs); revert and delete, each asked first, saying what is lost.
 */
public final class SnapshotsViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final DialogService dialogs;
    private final ReportingCalls calls;
    private final ObservableList<SnapshotInfo> snapshots = FXCollections.observableArrayList();
    private final ObjectProperty<SnapshotInfo> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final SimpleStringProperty problem = new SimpleStringProperty();

    public SnapshotsViewModel(TaskExecutor ui, VmRow row, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.dialogs = dialogs;
        this.calls = new ReportingCalls(ui, row.host(), dialogs);
        name.addListener((o, a, b) -> check());
        check();
    }

    public ObservableList<SnapshotInfo> snapshots() {
        return snapshots;
    }

    public ObjectProperty<SnapshotInfo> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public String vmName() {
        return row.name();
    }

    /** Why snapshots are not offered for this VM's host, or null. */
    public String unsupportedReason() {
        return calls.unsupportedReason(Feature.SNAPSHOTS);
    }

    public CompletableFuture<Void> refresh() {
        ui.assertUiThread();
        if (unsupportedReason() != null) {
            return CompletableFuture.completedFuture(null);
        }
        String keep = selected.get() == null ? null : selected.get().name();
        return calls.call(Messages.get("snapshot.call.list", row.name()), c -> c.snapshots(row.name())).thenAccept(list -> ui.ui(() -> {
            if (list != null) {
                snapshots.setAll(list);
                selected.set(list.stream().filter(s -> s.name().equals(keep)).findFirst().orElse(null));
            }
        }));
    }

    /** A blank name lets the host choose one; a given one follows the VM name rules (no control characters, no '/'). */
    private void check() {
        String n = name.get() == null ? "" : name.get();
        problem.set(n.isBlank() ? null : VmSpecValidator.nameProblem(n) == null ? null
                : VmSpecValidator.nameProblem(n).replace("The VM", "The snapshot").replace("The name", "The snapshot name"));
    }

    public CompletableFuture<Void> create() {
        ui.assertUiThread();
        check();
        if (problem.get() != null || unsupportedReason() != null) {
            return CompletableFuture.completedFuture(null);
        }
        String n = name.get().strip();
        String d = description.get();
        return calls.call(Messages.get("snapshot.call.create", row.name()), c -> {
            c.createSnapshot(row.name(), n.isEmpty() ? null : n, d);
            return Boolean.TRUE;
        }).thenCompose(done -> calls.onUi(() -> {
            if (done != null) {
                name.set("");
                description.set("");
            }
            return refresh();
        }));
    }

    public CompletableFuture<Void> revertSelected() {
        SnapshotInfo s = selected.get();
        if (s == null || !dialogs.confirm(Messages.get("snapshot.revert.header", row.name(), s.name()),
                Messages.get("snapshot.revert.body", row.name(), s.created().toString()), Messages.get("snapshot.revert.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("snapshot.call.revert", s.name()), c -> {
            c.revertSnapshot(row.name(), s.name());
            return Boolean.TRUE;
        }).thenCompose(x -> calls.onUi(() -> {
            row.host().refreshVm(row.name());
            return refresh();
        }));
    }

    public CompletableFuture<Void> deleteSelected() {
        SnapshotInfo s = selected.get();
        if (s == null || !dialogs.confirm(Messages.get("snapshot.delete.header", s.name()),
                Messages.get("snapshot.delete.body", row.name()), Messages.get("snapshot.delete.confirm"))) {
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("snapshot.call.delete", s.name()), c -> {
            c.deleteSnapshot(row.name(), s.name());
            return Boolean.TRUE;
        }).thenCompose(x -> calls.onUi(this::refresh));
    }
}
