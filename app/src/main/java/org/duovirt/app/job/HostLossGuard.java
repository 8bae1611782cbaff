package org.duovirt.app.job;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.value.ChangeListener;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.HostConnection;

/**
 * Ties a running job to its host. When the host vanishes (it shows disconnected) the job fails at once with
 * one sentence instead of waiting for a call that cannot answer; and what the job had begun making cannot be
 * undone over the dead connection, so its removal is queued on the host and runs when the host answers again
 * ({@link HostSession#removeWhenBack}). A removal that then fails is reported, naming what is still there.
 */
public final class HostLossGuard {
    private static final Logger LOG = Logger.getLogger(HostLossGuard.class.getName());
    private final TaskExecutor ui;
    private final Jobs jobs;
    private final Job job;
    private final HostSession session;
    private final DuovirtException lostError;
    private final ChangeListener<HostState> listener;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile String making;
    private volatile Consumer<HostConnection> removal;

    private HostLossGuard(TaskExecutor ui, Jobs jobs, Job job, HostSession session, DuovirtException lostError) {
        this.ui = ui;
        this.jobs = jobs;
        this.job = job;
        this.session = session;
        this.lostError = lostError;
        this.listener = (o, was, now) -> {
            if (now == HostState.DISCONNECTED) {
                hostLost();
            }
        };
    }

    /** Starts watching {@code session} for {@code job} (on the UI thread); {@link #close} when the job has ended. */
    public static HostLossGuard watch(TaskExecutor ui, Jobs jobs, Job job, HostSession session, DuovirtException lostError) {
        ui.assertUiThread();
        HostLossGuard guard = new HostLossGuard(ui, jobs, job, session, lostError);
        session.stateProperty().addListener(guard.listener);
        return guard;
    }

    /**
     * From the work, before the step that makes something on the host: if the host vanishes from here on,
     * {@code undo} removes it when the host is back.
     *
     * @param what what would be left, as the user would name it
     */
    public void making(String what, Consumer<HostConnection> undo) {
        this.making = what;
        this.removal = undo;
        if (lost.get()) {
            queueRemoval();
        }
    }

    /**
     * From the work, when a step failed: if the host is gone, the job's one sentence (and the removal is queued);
     * otherwise the failure itself.
     */
    public RuntimeException failure(HostConnection c, RuntimeException e) {
        if (e instanceof JobCancelledException && !lost.get()) {
            return e;
        }
        if (lost.get() || e instanceof HostUnreachableException || !c.isAlive()) {
            lost.set(true);
            queueRemoval();
            lostError.addSuppressed(e);
            return lostError;
        }
        return e;
    }

    private void hostLost() {
        lost.set(true);
        jobs.fail(job, lostError);
        queueRemoval();
    }

    private void queueRemoval() {
        Consumer<HostConnection> undo = removal;
        String what = making;
        if (undo == null || !queued.compareAndSet(false, true)) {
            return;
        }
        LOG.info(() -> job.title() + ": the host vanished; " + what + " will be removed when it answers again.");
        session.removeWhenBack(what, undo).whenComplete((v, e) -> {
            Throwable cause = e != null && e.getCause() != null && !(e instanceof DuovirtException) ? e.getCause() : e;
            if (cause instanceof JobLeftovers.Kept kept) {
                ui.ui(() -> jobs.report(kept));
            } else if (cause != null) {
                ui.ui(() -> jobs.report(new DuovirtException(Messages.get("job.leftover-kept", what, session.displayName()),
                        Messages.get("job.leftover-kept.hint"), cause.getMessage(), cause)));
            }
        });
    }

    /** Stops watching (on the UI thread). */
    public void close() {
        ui.assertUiThread();
        session.stateProperty().removeListener(listener);
    }
}
