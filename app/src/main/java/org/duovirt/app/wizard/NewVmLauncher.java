package org.duovirt.app.wizard;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.Job;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.Feature;

/**
 * The New VM flow: ask (the wizard, through the dialog service) → act (the create job) → report (errors
 * through the dialog service; on success the new VM's console opens). No controls here.
 */
public final class NewVmLauncher {
    private final TaskExecutor ui;
    private final DialogService dialogs;
    private final CreateVmFlow create;
    private final ObservableList<HostSession> hosts;
    private final Consumer<VmRow> openConsole;
    private volatile Job lastJob;

    public NewVmLauncher(TaskExecutor ui, DialogService dialogs, CreateVmFlow create, ObservableList<HostSession> hosts,
                         Consumer<VmRow> openConsole) {
        this.ui = ui;
        this.dialogs = dialogs;
        this.create = create;
        this.hosts = hosts;
        this.openConsole = openConsole;
    }

    /**
     * Runs the wizard on {@code preselected} (or the first host that can create VMs).
     *
     * @return completes with the new VM's name, or null when the user cancelled the wizard
     */
    public CompletableFuture<String> launch(HostSession preselected) {
        ui.assertUiThread();
        ObservableList<HostSession> able = FXCollections.observableArrayList(
                hosts.stream().filter(h -> h.supports(Feature.CREATE)).toList());
        HostSession first = preselected != null && able.contains(preselected) ? preselected : null;
        NewVmViewModel model = new NewVmViewModel(ui, able, first);
        if (!dialogs.runWizard(model)) {
            return CompletableFuture.completedFuture(null);
        }
        VmSpec spec = model.specOrNull();
        HostSession session = model.hostProperty().get();
        if (spec == null || session == null) {
            return CompletableFuture.completedFuture(null); // Finish is disabled until both exist
        }
        boolean start = model.startAfterProperty().get();
        CompletableFuture<String> result = new CompletableFuture<>();
        lastJob = create.start(session, spec, start, result);
        if (start) {
            result.thenAccept(name -> ui.ui(() -> whenRowAppears(session, name)));
        }
        return result;
    }

    /** The job of the last creation (tests and the status bar read it). */
    public Job lastJob() {
        return lastJob;
    }

    private void whenRowAppears(HostSession session, String name) {
        // Listen first, then look: the row may arrive between the two.
        boolean[] opened = {false};
        ListChangeListener<VmRow> listener = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends VmRow> c) {
                open(session, name, this, opened);
            }
        };
        session.vms().addListener(listener);
        open(session, name, listener, opened);
    }

    private synchronized void open(HostSession session, String name, ListChangeListener<VmRow> listener, boolean[] opened) {
        VmRow row = find(session, name);
        if (row != null && !opened[0]) {
            opened[0] = true;
            session.vms().removeListener(listener);
            openConsole.accept(row);
        }
    }

    private static VmRow find(HostSession session, String name) {
        return session.vms().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
