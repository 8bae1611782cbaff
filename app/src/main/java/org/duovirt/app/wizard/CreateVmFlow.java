package org.duovirt.app.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.job.HostLossGuard;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobLeftovers;
import org.duovirt.app.job.Jobs;
import org.duovirt.app.job.OperationTimeouts;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.HostConnection;

/**
 * Creates a VM as a job with named steps — check, create (disk and definition), start — each a cancel point.
 * The backend's create removes what it made when it fails or sees the cancel; after it, a cancel or a failed
 * start deletes the VM with its storage, so nothing is left. Losing the host fails the job at once, and what it
 * had made is removed when the host answers again ({@link HostLossGuard}).
 */
public final class CreateVmFlow {
    private static final Logger LOG = Logger.getLogger(CreateVmFlow.class.getName());
    private final TaskExecutor ui;
    private final Jobs jobs;
    private final OperationTimeouts timeouts;

    public CreateVmFlow(TaskExecutor ui, Jobs jobs, OperationTimeouts timeouts) {
        this.ui = ui;
        this.jobs = jobs;
        this.timeouts = timeouts;
    }

    public static String stepCheck() {
        return Messages.get("wizard.step.check");
    }

    public static String stepCreate() {
        return Messages.get("wizard.step.create");
    }

    public static String stepStart() {
        return Messages.get("wizard.step.start");
    }

    /** @return the job, already running; its future completes with the VM's name */
    public Job start(HostSession session, VmSpec spec, boolean startAfter, CompletableFuture<String> result) {
        ui.assertUiThread();
        List<String> steps = new ArrayList<>(List.of(stepCheck(), stepCreate()));
        if (startAfter) {
            steps.add(stepStart());
        }
        Job job = jobs.newJob(Messages.get("wizard.job.title", spec.name(), session.displayName()), steps);
        HostLossGuard guard = HostLossGuard.watch(ui, jobs, job, session, new HostUnreachableException(
                Messages.get("wizard.job.host-lost", session.displayName(), spec.name()), Messages.get("wizard.job.host-lost.hint"), null));
        jobs.run(job, startAfter ? timeouts.createAndStart() : timeouts.create(), j -> run(j, guard, session, spec, startAfter))
                .whenComplete((name, e) -> ui.ui(() -> {
                    guard.close();
                    session.refreshVm(spec.name());
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(name);
                    }
                }));
        return job;
    }

    private String run(Job job, HostLossGuard guard, HostSession session, VmSpec spec, boolean startAfter) {
        HostConnection c = session.connectionForJob();
        if (c == null) {
            throw new HostUnreachableException(Messages.get("wizard.job.not-connected", session.displayName()), null, null);
        }
        String journaled = null;
        try {
            job.beginStep(stepCheck());
            List<SpecProblem> problems = c.check(spec);
            if (!problems.isEmpty()) {
                throw new InvalidSpecException(SpecProblem.messages(problems));
            }
            job.beginStep(stepCreate());
            // The name was free at the check: a VM of this name found after a lost host is this job's.
            JobLeftovers leftovers = JobLeftovers.forCreation(c, spec);
            String what = Messages.get("wizard.job.leftover", spec.name());
            // On disk too, before anything is made: if this process ends before the host is back, the next one removes it.
            journaled = journal(session, c, spec.name(), what, leftovers);
            String entry = journaled;
            java.util.function.Consumer<HostConnection> undo = leftovers.vm(spec.name(), session.displayName());
            guard.making(what, entry == null ? undo : h -> {
                try {
                    undo.accept(h);
                } catch (HostUnreachableException stillGone) {
                    throw stillGone;
                } catch (RuntimeException reported) {
                    session.journal().clear(entry); // the guard tells the user what is still there
                    throw reported;
                }
                session.journal().clear(entry);
            });
            c.create(spec, job.listener());
        } catch (RuntimeException e) {
            RuntimeException failure = guard.failure(c, e);
            if (failure == e) {
                clear(session, journaled); // the backend undid its own creation
            }
            throw failure;
        }
        try {
            job.throwIfCancelled();
            if (startAfter) {
                job.beginStep(stepStart());
                c.start(spec.name());
            }
            job.throwIfCancelled();
        } catch (RuntimeException e) {
            RuntimeException failure = guard.failure(c, e);
            if (failure == e) {
                rollBack(c, spec.name(), e);
                clear(session, journaled);
            }
            throw failure;
        }
        clear(session, journaled);
        return spec.name();
    }

    /** Writes the creation's pending removal to the host's journal; its id, or null when none is kept. */
    private static String journal(HostSession session, HostConnection c, String vm, String what, JobLeftovers leftovers) {
        org.duovirt.app.job.RemovalJournal journal = session.journal();
        if (journal == null) {
            return null;
        }
        org.duovirt.app.job.RemovalJournal.Entry e = org.duovirt.app.job.PendingRemovals.entry(c.uri(), vm, what, leftovers);
        journal.add(e);
        return e.id();
    }

    private static void clear(HostSession session, String id) {
        if (id != null && session.journal() != null) {
            session.journal().clear(id);
        }
    }

    /** Removes the VM this job defined, with the storage it made; a failure here is added to the original. */
    private static void rollBack(HostConnection c, String name, RuntimeException cause) {
        LOG.info(() -> "Rolling back the creation of " + name + ": " + cause.getMessage());
        try {
            JobLeftovers.removeVm(c, name);
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
