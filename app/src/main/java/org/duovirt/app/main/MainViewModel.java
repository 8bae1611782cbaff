package org.duovirt.app.main;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.duovirt.app.Messages;
import org.duovirt.app.connection.ConnectionDialogViewModel;
import org.duovirt.app.dialog.DeleteDialogViewModel;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostList;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.job.Jobs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.spi.HostConnection;

/**
 * The main window's state: filter, selection, which actions are enabled, status line, and the actions
 * themselves. Knows no controls; the view binds to its properties.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());
    private final TaskExecutor ui;
    private final HostList hostList;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<HostSession> hostFilter = new SimpleObjectProperty<>();
    private final FilteredList<VmRow> visibleRows;
    private final ObservableList<VmRow> selection = FXCollections.observableArrayList();
    private final Map<VmAction, BooleanProperty> enabled = new EnumMap<>(VmAction.class);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty lastError = new SimpleStringProperty("");
    /** The host error the status line shows, if it shows one: cleared when no host has an error any more. */
    private String shownHostError;
    private final DialogService dialogs;
    private final Jobs jobs;
    private Consumer<DuovirtException> errorHandler;
    private Consumer<HostSession> newVmHandler = h -> { };

    /** Without dialogs: nothing is asked (confirmations decline) and errors only reach the status line. */
    public MainViewModel(TaskExecutor ui, HostList hostList) {
        this(ui, hostList, null);
    }

    public MainViewModel(TaskExecutor ui, HostList hostList, DialogService dialogs) {
        this.ui = ui;
        this.hostList = hostList;
        this.dialogs = dialogs;
        this.errorHandler = dialogs == null ? e -> { } : dialogs::error;
        this.jobs = new Jobs(ui, Jobs.TIMER, e -> errorHandler.accept(e));
        for (VmAction a : VmAction.values()) {
            enabled.put(a, new SimpleBooleanProperty(false));
        }
        visibleRows = new FilteredList<>(hostList.rows());
        filterText.addListener((o, a, b) -> refilter());
        hostFilter.addListener((o, a, b) -> refilter());
        selection.addListener((ListChangeListener<VmRow>) c -> refreshActions());
        hostList.rows().addListener((ListChangeListener<VmRow>) c -> refreshActions());
        hostList.hosts().addListener((ListChangeListener<HostSession>) c -> {
            refreshStatus();
            refreshActions();
        });
        refreshStatus();
    }

    public HostList hostList() {
        return hostList;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Selecting a host in the tree shows only its VMs; null shows all. */
    public ObjectProperty<HostSession> hostFilterProperty() {
        return hostFilter;
    }

    public ObservableList<VmRow> visibleRows() {
        return visibleRows;
    }

    /** The view copies the table's selection here. */
    public ObservableList<VmRow> selection() {
        return selection;
    }

    public ReadOnlyBooleanProperty enabledProperty(VmAction action) {
        return enabled.get(action);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    /** The long operations of this window (jobs panel, status bar); failures reach the error handler. */
    public Jobs jobs() {
        return jobs;
    }

    /** The dialog service the flows ask through; null when this model was made without one. */
    public DialogService dialogs() {
        return dialogs;
    }

    /** Where errors go to be shown (the dialog service's error dialog unless replaced). */
    public void setErrorHandler(Consumer<DuovirtException> handler) {
        this.errorHandler = handler;
    }

    private void refilter() {
        var text = VmFilter.of(filterText.get());
        HostSession host = hostFilter.get();
        visibleRows.setPredicate(row -> (host == null || row.host() == host) && text.test(row));
    }

    private void refreshActions() {
        for (VmAction a : VmAction.values()) {
            enabled.get(a).set(selection.stream().anyMatch(a::allows));
        }
    }

    private void refreshStatus() {
        long connected = hostList.hosts().stream().filter(h -> h.state() == HostState.CONNECTED).count();
        long connecting = hostList.hosts().stream().filter(h -> h.state() == HostState.CONNECTING).count();
        long down = hostList.hosts().size() - connected - connecting;
        status.set(Messages.get("status.hosts", hostList.hosts().size(), connected, connecting, down));
        String hostError = hostList.hosts().stream().map(HostSession::lastErrorProperty).map(p -> p.get())
                .filter(e -> e != null && !e.isBlank()).reduce((a, b) -> b).orElse(null);
        if (hostError != null) {
            lastError.set(hostError);
        } else if (lastError.get() != null && lastError.get().equals(shownHostError)) {
            // The host that failed is back: its old error no longer describes anything (an action's error stays).
            lastError.set("");
        }
        shownHostError = hostError;
        if ((lastError.get() == null || lastError.get().isBlank()) && !hostList.loadProblems().isEmpty()) {
            lastError.set(String.join(" ", hostList.loadProblems()));
        }
    }

    /** The selected rows the action can run on now. */
    public List<VmRow> targets(VmAction action) {
        return selection.stream().filter(action::allows).toList();
    }

    /** Runs a lifecycle action on every selected VM it applies to. Confirmation is the view's job. */
    public void run(VmAction action) {
        for (VmRow row : targets(action)) {
            Function<HostConnection, Object> op = switch (action) {
                case START -> c -> { c.start(row.name()); return null; };
                case SHUTDOWN -> c -> { c.shutdown(row.name()); return null; };
                case REBOOT -> c -> { c.reboot(row.name()); return null; };
                case FORCE_OFF -> c -> { c.destroy(row.name()); return null; };
                case SAVE -> c -> { c.save(row.name()); return null; };
                case PAUSE -> c -> { c.pause(row.name()); return null; };
                case RESUME -> c -> { c.resume(row.name()); return null; };
                default -> throw new IllegalArgumentException(action + " is not a lifecycle action");
            };
            perform(row, action, op);
        }
    }

    /** Opens the New VM wizard on a host (null: the one selected in the tree, or the first that can create). */
    public void newVm(HostSession host) {
        newVmHandler.accept(host != null ? host : hostFilter.get());
    }

    /** Who runs the New VM flow (the wizard launcher, set by the view). */
    public void setNewVmHandler(Consumer<HostSession> handler) {
        this.newVmHandler = handler;
    }

    // --- host overview (issue 12) ---
    /**
     * The host View › Host Overview opens: the host chosen in the tree, else the first selected VM's host,
     * else the first connected host (null when none is connected).
     */
    public HostSession hostForOverview() {
        if (hostFilterProperty().get() != null) {
            return hostFilterProperty().get();
        }
        if (!selection().isEmpty()) {
            return selection().get(0).host();
        }
        return hostList().hosts().stream().filter(h -> h.state() == org.duovirt.app.host.HostState.CONNECTED)
                .findFirst().orElse(null);
    }

    // --- host tabs: storage and networks (issue 10) ---
    private java.util.function.BiConsumer<HostSession, String> hostTabHandler = (h, kind) -> { };

    /** Opens a host's tab: "storage" or "networks". */
    public void openHostTab(HostSession host, String kind) {
        hostTabHandler.accept(host, kind);
    }

    public void setHostTabHandler(java.util.function.BiConsumer<HostSession, String> handler) {
        this.hostTabHandler = handler;
    }

    private java.util.function.BiConsumer<VmRow, String> vmTabHandler = (r, kind) -> { };

    /** Opens a VM's tab: "snapshots" or "clone". */
    public void openVmTab(VmRow row, String kind) {
        vmTabHandler.accept(row, kind);
    }

    public void setVmTabHandler(java.util.function.BiConsumer<VmRow, String> handler) {
        this.vmTabHandler = handler;
    }

    /** Asks before forcing off every selected VM it applies to, then does it. */
    public void forceOffSelected() {
        List<VmRow> targets = targets(VmAction.FORCE_OFF);
        if (targets.isEmpty() || dialogs == null) {
            return;
        }
        String names = targets.stream().map(VmRow::name).collect(java.util.stream.Collectors.joining(", "));
        if (dialogs.confirm(Messages.get("confirm.force-off.header", names), Messages.get("confirm.force-off.body"),
                Messages.get("action.force-off"))) {
            run(VmAction.FORCE_OFF);
        }
    }

    /**
     * The delete flow for one VM: read its storage, ask (naming every disk and its fate), delete.
     *
     * @return completes when the VM is deleted, or at once with null when the user declined
     */
    public CompletableFuture<Object> deleteWithQuestion(VmRow row) {
        CompletableFuture<Object> done = new CompletableFuture<>();
        if (dialogs == null) {
            done.complete(null);
            return done;
        }
        loadStorage(row, items -> {
            DeleteDialogViewModel model = new DeleteDialogViewModel(row.name(), row.host().displayName(), items);
            if (dialogs.confirmDelete(model)) {
                delete(row, model.deleteStorageProperty().get()).whenComplete((r, e) -> done.complete(r));
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    /** Asks for a connection and adds and saves it; a failure reaches the error dialog. */
    public void addConnectionWithQuestion() {
        if (dialogs == null) {
            return;
        }
        dialogs.addConnection(new ConnectionDialogViewModel()).ifPresent(config -> {
            try {
                hostList.addAndSave(config);
            } catch (DuovirtException e) {
                errorHandler.accept(e);
            }
        });
    }

    /** Reads the storage a delete would concern; the callback runs on the UI thread. */
    public void loadStorage(VmRow row, Consumer<List<StorageItem>> onLoaded) {
        row.host().call("Reading storage of " + row.name(), c -> c.storage(row.name()))
                .whenComplete((items, e) -> ui.ui(() -> {
                    if (e != null) {
                        report(row, VmAction.DELETE, e);
                    } else {
                        onLoaded.accept(items);
                    }
                }));
    }

    /** Deletes a shut-off VM, with its owned storage when {@code withStorage}. */
    public CompletableFuture<Object> delete(VmRow row, boolean withStorage) {
        return perform(row, VmAction.DELETE, c -> {
            c.delete(row.name(), withStorage);
            return null;
        });
    }

    private CompletableFuture<Object> perform(VmRow row, VmAction action, Function<HostConnection, Object> op) {
        LOG.info(() -> action + " " + row);
        return row.host().call(Messages.get(action.messageKey()) + " " + row.name(), op)
                .whenComplete((r, e) -> {
                    if (e != null) {
                        ui.ui(() -> report(row, action, e));
                    }
                    row.host().refreshVm(row.name());
                });
    }

    private void report(VmRow row, VmAction action, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        DuovirtException d = cause instanceof DuovirtException de ? de
                : new DuovirtException(Messages.get("error.action-failed", Messages.get(action.messageKey()), row.name()), cause);
        LOG.warning(() -> d.userMessage());
        lastError.set(d.getMessage());
        errorHandler.accept(d);
    }
}
