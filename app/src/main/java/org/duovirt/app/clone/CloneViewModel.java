package org.duovirt.app.clone;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.HostLossGuard;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobLeftovers;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;

/**
 * The Clone form: a new name and, per disk, copy, share or skip (copied by default when the VM owns the disk,
 * shared otherwise); the clone runs as a job whose cancel removes every copy made.
 */
public final class CloneViewModel {
    static final Duration CLONE_TIMEOUT = Duration.ofMinutes(30);

    /** One disk of the source VM and what the clone does with it. */
    public static final class DiskChoice {
        private final StorageItem item;
        private final ObjectProperty<CloneDisk> choice;

        DiskChoice(StorageItem item) {
            this.item = item;
            this.choice = new SimpleObjectProperty<>(item.owned() ? CloneDisk.COPY : CloneDisk.SHARE);
        }

        public StorageItem item() {
            return item;
        }

        public ObjectProperty<CloneDisk> choiceProperty() {
            return choice;
        }
    }

    private final TaskExecutor ui;
    private final VmRow row;
    private final Jobs jobs;
    private final ReportingCalls calls;
    private final ObservableList<DiskChoice> disks = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty();
    private final SimpleStringProperty problem = new SimpleStringProperty();

    public CloneViewModel(TaskExecutor ui, VmRow row, Jobs jobs, DialogService dialogs) {
        this.ui = ui;
        this.row = row;
        this.jobs = jobs;
        this.calls = new ReportingCalls(ui, row.host(), dialogs);
        newName.set(row.name() + "-clone");
        newName.addListener((o, a, b) -> check());
        row.stateProperty().addListener((o, a, b) -> check());
        check();
    }

    public ObservableList<DiskChoice> disks() {
        return disks;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    /** Why the clone cannot start as chosen, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public String vmName() {
        return row.name();
    }

    public CompletableFuture<Void> load() {
        ui.assertUiThread();
        return calls.call(Messages.get("clone.call.storage", row.name()), c -> c.storage(row.name())).thenAccept(items -> ui.ui(() -> {
            if (items != null) {
                disks.setAll(items.stream().map(DiskChoice::new).toList());
            }
        }));
    }

    private void check() {
        String nameProblem = VmSpecValidator.nameProblem(newName.get());
        String unsupported = calls.unsupportedReason(Feature.CLONE);
        if (unsupported != null) {
            problem.set(unsupported);
        } else if (row.state() != VmState.SHUTOFF) {
            problem.set(Messages.get("clone.running", row.name()));
        } else if (nameProblem != null) {
            problem.set(nameProblem);
        } else if (row.host().vms().stream().anyMatch(r -> r.name().equals(newName.get()))) {
            problem.set(Messages.get("clone.taken", newName.get()));
        } else {
            problem.set(null);
        }
    }

    Map<String, CloneDisk> choices() {
        Map<String, CloneDisk> out = new LinkedHashMap<>();
        disks.forEach(d -> out.put(d.item().target(), d.choiceProperty().get()));
        return out;
    }

    /** @return the running job, or null when a problem stands */
    public Job cloneAsJob(CompletableFuture<VmSummary> result) {
        ui.assertUiThread();
        check();
        if (problem.get() != null) {
            return null;
        }
        String name = newName.get();
        Map<String, CloneDisk> choices = choices();
        String step = Messages.get("clone.step", row.name(), name);
        Job job = jobs.newJob(Messages.get("clone.job.title", row.name(), name), List.of(step));
        HostSession host = row.host();
        HostLossGuard guard = HostLossGuard.watch(ui, jobs, job, host, new HostUnreachableException(
                Messages.get("job.host-lost", job.title(), host.displayName()), Messages.get("wizard.job.host-lost.hint"), null));
        jobs.run(job, CLONE_TIMEOUT, j -> {
            HostConnection c = host.connectionForJob();
            if (c == null) {
                throw new HostUnreachableException(Messages.get("wizard.job.not-connected", host.displayName()), null, null);
            }
            try {
                j.beginStep(step);
                // The new name was free at the check: a VM of that name found after a lost host is this clone.
                guard.making(Messages.get("clone.job.leftover", name), JobLeftovers.before(c).vm(name, host.displayName()));
                return c.cloneVm(row.name(), name, choices, j.listener());
            } catch (RuntimeException e) {
                throw guard.failure(c, e);
            }
        }).whenComplete((summary, e) -> ui.ui(() -> {
            guard.close();
            host.resync();
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(summary);
            }
        }));
        return job;
    }
}
