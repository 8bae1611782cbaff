package org.duovirt.app.job;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.DuovirtException;

/**
 * Runs jobs off the UI thread, each with its own timeout, and keeps the list the jobs panel and the status
 * bar show. A failure goes to the one error reporter (the dialog service); a cancel does not.
 */
public final class Jobs {
    private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
    /** The watchdog timer every job's timeout runs on; it only schedules, never does the work. */
    public static final ScheduledExecutorService TIMER = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            org.duovirt.app.exec.DaemonThreads.named("duovirt-job-timer"));
    private final TaskExecutor ui;
    private final ScheduledExecutorService timer;
    private final Consumer<DuovirtException> errors;
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    private final SimpleIntegerProperty running = new SimpleIntegerProperty();

    public Jobs(TaskExecutor ui, ScheduledExecutorService timer, Consumer<DuovirtException> errors) {
        this.ui = ui;
        this.timer = timer;
        this.errors = errors;
    }

    /** Every job of this session, newest last; changed on the UI thread. */
    public ObservableList<Job> jobs() {
        return jobs;
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public Job newJob(String title, List<String> steps) {
        return new Job(ui, title, steps);
    }

    /**
     * Runs {@code work} as {@code job}. When it outlives {@code timeout} the job fails with one sentence and
     * is asked to stop (the work's own cancel points undo what it made).
     *
     * @return the work's result; fails with the job's error as soon as the job fails (also from outside, while
     *     the work is still running), or with {@link JobCancelledException}
     */
    public <T> CompletableFuture<T> run(Job job, Duration timeout, JobWork<T> work) {
        ui.ui(() -> {
            jobs.add(job);
            running.set(running.get() + 1);
        });
        job.finished().whenComplete((s, e) -> ui.ui(() -> running.set(running.get() - 1)));
        ScheduledFuture<?> watchdog = timer.schedule(() -> fail(job, new DuovirtException(
                Messages.get("job.timeout", job.title(), describe(timeout)), Messages.get("job.timeout.hint"))),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<T> result = new CompletableFuture<>();
        // A job failed from outside (its host vanished, its timeout passed) is over for its caller at once: the
        // work may sit in a call that never answers, and the caller must not wait for it.
        job.finished().thenAccept(end -> {
            if (end == JobState.FAILED) {
                result.completeExceptionally(job.errorOrNull());
            }
        });
        ui.background(job.title(), () -> work.run(job)).whenComplete((value, error) -> {
            watchdog.cancel(false);
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                job.end(JobState.SUCCEEDED, null);
            } else if (cause instanceof JobCancelledException || job.isCancelRequested() && !job.finished().isDone()) {
                job.end(JobState.CANCELLED, null);
            } else {
                fail(job, cause instanceof DuovirtException d ? d
                        : new DuovirtException(Messages.get("job.failed", job.title()), cause));
            }
            // A failed job has already failed the result (above); only success and cancel are left to tell.
            JobState end = job.finished().join();
            if (end == JobState.SUCCEEDED) {
                result.complete(value);
            } else if (end == JobState.CANCELLED) {
                result.completeExceptionally(new JobCancelledException(job.title()));
            }
        });
        return result;
    }

    /** Fails a running job at once (its host was lost, its timeout passed); the work is asked to stop. */
    public void fail(Job job, DuovirtException error) {
        // Ended before the work is asked to stop: a work that honours the cancel at once must not win as a success.
        boolean ended = job.end(JobState.FAILED, error);
        job.cancel();
        if (!ended) {
            return;
        }
        LOG.warning(() -> job.title() + ": " + error.getMessage());
        ui.ui(() -> errors.accept(error));
    }

    /** Shows an error that belongs to a job after it ended (what it left behind), through the one error reporter. */
    public void report(DuovirtException error) {
        LOG.warning(error::getMessage);
        ui.ui(() -> errors.accept(error));
    }

    static String describe(Duration d) {
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : Math.max(1, d.toSeconds()) + " s";
    }
}
