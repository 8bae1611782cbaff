package org.duovirt.app.host;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.stats.StatsHub;
import org.duovirt.app.stats.StatsSubscription;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostRefusedException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Feature;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.stats.StatsGroup;

/**
 * One host in the window: its connection, state, VMs and stats. Every backend call runs on the host's own
 * {@link GuardedWorker} with a timeout; results come back through the {@link TaskExecutor} to the UI thread.
 * A failure or hang marks the host disconnected and reconnects with exponential back-off.
 */
public final class HostSession {
    private static final Logger LOG = Logger.getLogger(HostSession.class.getName());
    private final ConnectionConfig config;
    private final boolean demo;
    private final Connector connector;
    private final TaskExecutor ui;
    private final ScheduledExecutorService timer;
    private final Timeouts timeouts;
    private final GuardedWorker worker;
    private final StatsHub stats;
    private final StatsSubscription tableStats;
    private final Map<String, Integer> vcpuCounts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Backoff backoff = Backoff.standard();
    private final ReturnWatch returnWatch;
    /** Whether the last attempt or loss found the host unreachable (not refused, not failing a command). */
    private volatile boolean unreachable;
    private final ObjectProperty<HostState> state = new SimpleObjectProperty<>(HostState.DISCONNECTED);
    private final StringProperty lastError = new SimpleStringProperty();
    /** False after a refusal (host key, login): the host is then not retried until the user's Connect. */
    private final javafx.beans.property.BooleanProperty retrying = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObservableList<VmRow> vms = FXCollections.observableArrayList();
    private final Map<String, VmRow> byName = new HashMap<>();
    private volatile HostConnection connection;
    private volatile Set<Feature> features = Set.of();
    private AutoCloseable listenerHandle;
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> resync;
    private volatile boolean closed;
    private boolean rowsTracked;
    /** When the host was last lost (null while connected or never connected): the log says how long it was gone. */
    private volatile java.time.Instant lostAt;
    /** What jobs left half-made when this host vanished under them: removed first when it answers again. */
    private final Leftovers leftovers = new Leftovers();
    /** The removals creations owe their hosts, shared with every Duovirt process; null: none kept (tests). */
    private volatile org.duovirt.app.job.RemovalJournal journal;
    /** How long the last successful open took, for the reconnect line in the log. */
    private volatile long lastConnectMs;
    /** What the journal's removals said at the last connect, for the status line. */
    private volatile List<String> removedNow = List.of();

    public HostSession(ConnectionConfig config, boolean demo, Connector connector, TaskExecutor ui,
                       ScheduledExecutorService timer, Timeouts timeouts) {
        this.config = config;
        this.demo = demo;
        this.connector = connector;
        this.ui = ui;
        this.timer = timer;
        this.timeouts = timeouts;
        String name = config.displayName();
        // A timed-out call fails its future with HostUnreachableException; its caller marks the host lost.
        this.worker = new GuardedWorker(name, timer);
        this.stats = new StatsHub(name, () -> connection, timer, ui, vm -> vcpuCounts.getOrDefault(vm, 0));
        // The table's sparklines are one subscriber of the hub; Performance tabs and the host overview add theirs.
        this.tableStats = stats.subscribe(Set.of(), EnumSet.noneOf(StatsGroup.class), timeouts.stats(), this::showStats);
        this.returnWatch = new ReturnWatch(name, () -> connector.answers(config, ReturnWatch.PROBE_WITHIN), this::answeredAgain);
    }

    /** Another back-off (tests: long steps, to show a host that answers again is not left waiting for them). */
    void useBackoff(Backoff backoff) {
        this.backoff = backoff;
    }

    /** The {@link ReturnWatch} saw the host answer again: the waiting attempt runs now, not at its back-off step. */
    private void answeredAgain() {
        ui.ui(() -> {
            if (!closed && state.get() == HostState.DISCONNECTED && retrying.get() && retry != null && !retry.isDone()) {
                LOG.info(() -> displayName() + ": answers again; connecting now instead of at the next back-off step.");
                connect();
            }
        });
    }

    public ConnectionConfig config() {
        return config;
    }

    public String displayName() {
        return config.displayName();
    }

    public boolean demo() {
        return demo;
    }

    public ReadOnlyObjectProperty<HostState> stateProperty() {
        return state;
    }

    public HostState state() {
        return state.get();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError;
    }

    /**
     * Whether a disconnected host is retried on its own. False after the host refused us (its SSH key, or the
     * login): that needs the user, and a retry every second would get us banned (fail2ban); {@link #connect}
     * tries again. Set before the state, on the UI thread.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty retryingProperty() {
        return retrying;
    }

    /** The host's VMs; changed only on the UI thread. */
    public ObservableList<VmRow> vms() {
        return vms;
    }

    public boolean supports(Feature feature) {
        return state.get() == HostState.CONNECTED && features.contains(feature);
    }

    /** Asks only for these stats groups from the next tick on (the visible columns). */
    public void setWantedStats(Set<StatsGroup> groups) {
        tableStats.groups(groups);
    }

    /** The update interval of this host's table (1–60 s, a preference). */
    public void setStatsInterval(java.time.Duration interval) {
        tableStats.interval(interval);
    }

    /** The update interval of this host's table. */
    public java.time.Duration statsInterval() {
        return tableStats.interval();
    }

    /** This host's statistics hub: subscribe to it, read its history. */
    public StatsHub stats() {
        return stats;
    }

    /** Connects now (cancelling a pending retry). */
    public void connect() {
        ui.ui(() -> {
            cancelRetry();
            state.set(HostState.CONNECTING);
        });
        long t0 = System.nanoTime();
        LOG.fine(() -> displayName() + ": connecting");
        // An open that outlives its timeout may still succeed on the abandoned thread: whichever side comes
        // second closes that connection, so no SSH session or event thread is left running unseen.
        java.util.concurrent.atomic.AtomicBoolean gaveUp = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<HostConnection> late = new java.util.concurrent.atomic.AtomicReference<>();
        worker.submit("Connecting", timeouts.connect(), () -> {
            HostConnection opened = connector.open(config);
            late.set(opened);
            if (gaveUp.get()) {
                closeQuietly(late.getAndSet(null));
            }
            return opened;
        }).whenComplete((c, error) -> {
                    if (error != null) {
                        gaveUp.set(true);
                        closeQuietly(late.getAndSet(null));
                        failed(unwrap(error));
                    } else {
                        lastConnectMs = (System.nanoTime() - t0) / 1_000_000;
                        adopt(c);
                    }
                });
    }

    /** Takes an already opened connection (the default one) and loads its VMs. */
    public void adopt(HostConnection opened) {
        if (closed) {
            opened.close();
            return;
        }
        connection = opened;
        features = opened.features();
        long listingStart = System.nanoTime();
        // Each waiting removal may take as long as a call of its own before the listing.
        worker.submit("Listing VMs", timeouts.call().multipliedBy(1L + leftovers.size()), () -> {
            // Before the listing, so a half-made VM never reappears in the table on its way out.
            leftovers.removeAll(opened, displayName());
            // And what creations of processes that ended (a CLI run, a closed window) left when this host vanished.
            org.duovirt.app.job.RemovalJournal j = journal;
            removedNow = j == null ? List.of() : org.duovirt.app.job.PendingRemovals.carryOut(opened, displayName(), j);
            if (features.contains(Feature.EVENTS)) {
                listenerHandle = opened.addListener(new EventBridge(this));
            }
            return opened.listVms(true);
        }).whenComplete((list, error) -> {
            if (error != null) {
                failed(unwrap(error));
                return;
            }
            java.time.Instant wasLost = lostAt;
            if (wasLost != null) {
                lostAt = null;
                long listingMs = (System.nanoTime() - listingStart) / 1_000_000;
                // The split says where a slow reconnect went: waiting for the next attempt, opening, or listing.
                LOG.info(() -> displayName() + ": reconnected after " + java.time.Duration.between(wasLost, java.time.Instant.now()).toMillis()
                        + " ms (this attempt: opening " + lastConnectMs + " ms, listing " + listingMs + " ms).");
            }
            returnWatch.stop();
            ui.ui(() -> {
                backoff.reset();
                retrying.set(true);
                // The status line says what was removed (one sentence each); otherwise nothing is wrong any more.
                lastError.set(removedNow.isEmpty() ? null : String.join(" ", removedNow));
                reconcile(list);
                state.set(HostState.CONNECTED);
            });
            if (features.contains(Feature.STATS)) {
                stats.start();
            }
            scheduleResync();
        });
    }

    /**
     * Runs one backend call on the host thread. The future completes on the host thread; callers hop to
     * the UI with the TaskExecutor. A {@link HostUnreachableException} also marks the host disconnected.
     */
    public <T> CompletableFuture<T> call(String what, Function<HostConnection, T> op) {
        HostConnection c = connection;
        if (c == null || state.get() == HostState.DISCONNECTED) {
            return CompletableFuture.failedFuture(new HostUnreachableException(
                    displayName() + " is not connected.", "Wait for it to reconnect, or check the host.", null));
        }
        return worker.submit(what, timeouts.call(), () -> op.apply(c)).whenComplete((r, e) -> {
            if (e != null && unwrap(e) instanceof HostUnreachableException h) {
                lost(h.getMessage());
            }
        });
    }

    /**
     * The open connection, for a job that runs beside the host thread with its own (longer) timeout; a slow
     * job must not queue behind, or be timed out like, a listing. Null when the host is not connected.
     */
    public HostConnection connectionForJob() {
        HostConnection c = connection;
        return c != null && state.get() == HostState.CONNECTED ? c : null;
    }

    /**
     * Has {@code removal} run on this host as soon as it answers again (at once when it is connected): what
     * a job had made when the host vanished under it. Runs on the host thread before the VM list is read.
     *
     * @param what what is removed, as the user would name it ("the VM 'web' and its new disk")
     * @return completes when the removal ran; fails with its error (the host is then still connected)
     */
    public CompletableFuture<Void> removeWhenBack(String what, java.util.function.Consumer<HostConnection> removal) {
        CompletableFuture<Void> done = leftovers.add(what, removal);
        if (connectionForJob() != null) {
            // Connected already (the job's own call failed, not the host, or the host is back): run it now.
            worker.submit("Removing " + what, timeouts.call(), () -> {
                HostConnection c = connection;
                if (c != null) {
                    leftovers.removeAll(c, displayName());
                }
                return null;
            });
        }
        return done;
    }

    /** The journal creations on this host write their pending removal to, or null. */
    public org.duovirt.app.job.RemovalJournal journal() {
        return journal;
    }

    void useJournal(org.duovirt.app.job.RemovalJournal journal) {
        this.journal = journal;
    }

    /** How many removals wait for this host to answer again (for tests and the log). */
    public int pendingLeftovers() {
        return leftovers.size();
    }

    /** Re-reads one VM after an event or an action; a missing VM is removed. */
    public void refreshVm(String name) {
        call("Reading " + name, c -> c.listVms(true).stream().filter(v -> v.name().equals(name)).findFirst())
                .thenAccept(found -> ui.ui(() -> {
                    if (found.isPresent()) {
                        upsert(found.get());
                    } else {
                        remove(name);
                    }
                }));
    }

    /** Re-lists every VM (the safety net behind events). */
    public void resync() {
        call("Listing VMs", c -> c.listVms(true)).thenAccept(list -> ui.ui(() -> reconcile(list)));
    }

    void applyEventState(String name, org.duovirt.core.model.VmState newState) {
        ui.ui(() -> {
            VmRow row = byName.get(name);
            if (row != null) {
                row.setState(newState);
            }
        });
    }

    void removeLater(String name) {
        ui.ui(() -> remove(name));
    }

    void lost(String reason) {
        failed(new HostUnreachableException(reason, null, null));
    }

    private void failed(Throwable error) {
        String message = error instanceof DuovirtException d ? d.getMessage() : String.valueOf(error);
        // A refusal stays a refusal until the user changes something: no loop of refused logins (fail2ban).
        boolean refused = error instanceof HostRefusedException;
        unreachable = !refused && error instanceof HostUnreachableException;
        String logged = refused ? message + " Not retried until Connect is used." : message;
        if (connection != null && lostAt == null) {
            lostAt = java.time.Instant.now();
            LOG.log(Level.WARNING, displayName() + ": disconnected: " + logged, error instanceof DuovirtException ? null : error);
        } else {
            LOG.log(Level.WARNING, displayName() + ": " + logged, error instanceof DuovirtException ? null : error);
        }
        stats.stop();
        HostConnection old = connection;
        connection = null;
        closeQuietly(old);
        ui.ui(() -> {
            retrying.set(!refused);
            lastError.set(message);
            state.set(HostState.DISCONNECTED);
            if (!refused) {
                scheduleRetry();
            }
        });
    }

    private void scheduleRetry() {
        if (closed || retry != null && !retry.isDone()) {
            return;
        }
        long delay = backoff.next().toMillis();
        retry = timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        if (unreachable && delay > ReturnWatch.PERIOD.toMillis()) {
            returnWatch.start();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private synchronized void scheduleResync() {
        if (resync == null) {
            long period = timeouts.resync().toMillis();
            resync = timer.scheduleAtFixedRate(() -> {
                if (state.get() == HostState.CONNECTED) {
                    resync();
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void reconcile(List<VmSummary> list) {
        ui.assertUiThread();
        Set<String> seen = new HashSet<>();
        for (VmSummary s : list) {
            seen.add(s.name());
            upsert(s);
        }
        for (String name : List.copyOf(byName.keySet())) {
            if (!seen.contains(name)) {
                remove(name);
            }
        }
    }

    private void upsert(VmSummary s) {
        ui.assertUiThread();
        VmRow row = byName.get(s.name());
        vcpuCounts.put(s.name(), s.vcpus());
        if (row == null) {
            row = new VmRow(this, s);
            byName.put(s.name(), row);
            vms.add(row);
        } else {
            row.update(s);
        }
    }

    private void remove(String name) {
        ui.assertUiThread();
        VmRow row = byName.remove(name);
        if (row != null) {
            vms.remove(row);
        }
    }

    /** After a hub tick, on the UI thread: the sparklines of every row a table shows (all rows when none tracks them). */
    private void showStats() {
        var history = stats.history();
        for (VmRow row : vms) {
            row.ticked(history.vm(row.name()), rowsTracked);
        }
    }

    /** A table tells which rows it shows ({@link VmRow#shown}): from then on only those are rebuilt per tick. */
    void rowsTracked() {
        rowsTracked = true;
    }

    /** Counters for tests and the log: ticks skipped because a sample was still running. */
    public long skippedStatsTicks() {
        return stats.skippedTicks();
    }

    public long statsSamples() {
        return stats.sampleCount();
    }

    /** Disconnects for good (removed connection or window closed). */
    public void close() {
        closed = true;
        returnWatch.stop();
        cancelRetry();
        if (resync != null) {
            resync.cancel(false);
        }
        stats.close();
        HostConnection c = connection;
        connection = null;
        worker.shutdown();
        closeQuietly(listenerHandle);
        closeQuietly(c);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        // close() may block on a dead host: never on the caller's thread.
        Thread t = new Thread(() -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // the host is gone already
            }
        }, "close-connection");
        t.setDaemon(true);
        t.start();
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
