package org.duovirt.app.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.Messages;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.stats.StatsGroup;

/**
 * Every host of the window and all their VMs in one list. Saved connections come from the
 * {@link ConnectionStore}; with none, the default connection (local libvirt, else the demo) is opened.
 */
public final class HostList {
    private static final Logger LOG = Logger.getLogger(HostList.class.getName());
    private final TaskExecutor ui;
    private final Connector connector;
    private final ScheduledExecutorService timer;
    private final Timeouts timeouts;
    private final ConnectionStore store;
    private final Supplier<DefaultConnection.Opened> defaultOpener;
    private final ObservableList<HostSession> hosts = FXCollections.observableArrayList(
            h -> new Observable[] {h.stateProperty(), h.lastErrorProperty()});
    private final ObservableList<VmRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.stateProperty(), r.host().stateProperty()});
    private final ListChangeListener<VmRow> rowMirror = this::mirror;
    private Set<StatsGroup> wantedStats = Set.of(StatsGroup.CPU);

    private volatile List<String> loadProblems = List.of();
    /** The shared journal of removals creations owe their hosts; null (tests): none is kept. */
    private volatile org.duovirt.app.job.RemovalJournal journal;

    public HostList(TaskExecutor ui, Connector connector, ScheduledExecutorService timer, Timeouts timeouts,
                    ConnectionStore store, Supplier<DefaultConnection.Opened> defaultOpener) {
        this.ui = ui;
        this.connector = connector;
        this.timer = timer;
        this.timeouts = timeouts;
        this.store = store;
        this.defaultOpener = defaultOpener;
    }

    /** Keeps creations' pending removals in {@code journal} and carries out those left there (before {@link #start}). */
    public void useJournal(org.duovirt.app.job.RemovalJournal journal) {
        this.journal = journal;
    }

    /** Why saved connections were left out at start, one sentence each (the status bar shows them). */
    public List<String> loadProblems() {
        return loadProblems;
    }

    public ObservableList<HostSession> hosts() {
        return hosts;
    }

    /** Every VM of every host; fires updates when a VM's or its host's state changes. */
    public ObservableList<VmRow> rows() {
        return rows;
    }

    /** Opens the saved connections (autoconnect ones connect), or the default one when none is saved. */
    public void start() {
        List<ConnectionConfig> saved = store.load();
        loadProblems = store.problems();
        loadProblems.forEach(p -> LOG.warning(p));
        if (saved.isEmpty()) {
            openDefault();
            return;
        }
        for (ConnectionConfig c : saved) {
            HostSession s = add(c, false);
            if (c.autoconnect()) {
                s.connect();
            }
        }
    }

    private void openDefault() {
        ConnectionConfig probing = new ConnectionConfig(DefaultConnection.LOCAL_LIBVIRT, null, false);
        CompletableFuture.supplyAsync(defaultOpener, timer).whenComplete((opened, error) -> ui.ui(() -> {
            if (error != null) {
                LOG.log(Level.WARNING, "No default connection", error);
                add(probing, false).lost(Messages.get("host.no-default"));
                return;
            }
            ConnectionConfig config = opened.demo()
                    ? new ConnectionConfig(DefaultConnection.DEMO, Messages.get("host.demo-label"), false)
                    : new ConnectionConfig(DefaultConnection.LOCAL_LIBVIRT, null, true);
            add(config, opened.demo()).adopt(opened.connection());
        }));
    }

    /** Adds a new connection, saves it, and connects. */
    public HostSession addAndSave(ConnectionConfig config) {
        List<ConnectionConfig> saved = new ArrayList<>(store.load());
        saved.removeIf(c -> c.uri().equals(config.uri()));
        saved.add(config);
        store.save(saved);
        HostSession existing = find(config.uri());
        if (existing != null) {
            return existing;
        }
        HostSession s = add(config, false);
        s.connect();
        return s;
    }

    /** Disconnects a host and forgets it. */
    public void remove(HostSession host) {
        ui.assertUiThread();
        List<ConnectionConfig> saved = new ArrayList<>(store.load());
        if (saved.removeIf(c -> c.uri().equals(host.config().uri()))) {
            store.save(saved);
        }
        host.vms().removeListener(rowMirror);
        rows.removeAll(host.vms());
        hosts.remove(host);
        host.close();
    }

    private HostSession find(String uri) {
        return hosts.stream().filter(h -> h.config().uri().equals(uri)).findFirst().orElse(null);
    }

    private HostSession add(ConnectionConfig config, boolean demo) {
        ui.assertUiThread();
        HostSession s = new HostSession(config, demo, connector, ui, timer, timeouts);
        s.setWantedStats(wantedStats);
        s.useJournal(journal);
        s.vms().addListener(rowMirror);
        hosts.add(s);
        return s;
    }

    private void mirror(ListChangeListener.Change<? extends VmRow> change) {
        while (change.next()) {
            rows.removeAll(change.getRemoved());
            rows.addAll(change.getAddedSubList());
        }
    }

    /** The stats groups of the visible columns; hosts ask only for these. */
    public void setWantedStats(Set<StatsGroup> groups) {
        wantedStats = Set.copyOf(groups);
        hosts.forEach(h -> h.setWantedStats(groups));
    }

    public void closeAll() {
        hosts.forEach(HostSession::close);
    }
}
