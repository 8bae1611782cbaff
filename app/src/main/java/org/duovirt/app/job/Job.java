package org.duovirt.app.job;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.ProgressListener;

/**
 * One long operation the user can see and stop: a title, named steps, progress and a message. The work
 * (any thread) reports through {@link #beginStep} and {@link #listener()}; the properties change only on
 * the UI thread, so a jobs panel and the status bar can bind to them. {@link #cancel()} may be called from
 * anywhere; the work sees it through {@link ProgressListener#isCancelled()} between its steps.
 */
public final class Job {
    private final TaskExecutor ui;
    private final String title;
    private final List<String> steps;
    private final SimpleIntegerProperty step = new SimpleIntegerProperty(-1);
    private final SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<JobState> state = new SimpleObjectProperty<>(JobState.RUNNING);
    private final ObjectProperty<DuovirtException> error = new SimpleObjectProperty<>();
    private final CompletableFuture<JobState> finished = new CompletableFuture<>();
    private volatile boolean cancelRequested;
    private volatile DuovirtException failure;

    public Job(TaskExecutor ui, String title, List<String> steps) {
        this.ui = ui;
        this.title = title;
        this.steps = List.copyOf(steps);
    }

    public String title() {
        return title;
    }

    /** The steps' names, in order, as shown to the user. */
    public List<String> steps() {
        return steps;
    }

    /** Index of the running step, -1 before the first. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step;
    }

    /** 0–1, or negative while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state;
    }

    public JobState state() {
        return state.get();
    }

    /** The failure, once the job has failed. */
    public ReadOnlyObjectProperty<DuovirtException> errorProperty() {
        return error;
    }

    /** The failure, readable from any thread once the job has failed; null otherwise. */
    public DuovirtException errorOrNull() {
        return failure;
    }

    /** Completes (on any thread) with the final state. */
    public CompletableFuture<JobState> finished() {
        return finished;
    }

    /** Asks the work to stop at its next check; what it made is undone by the work itself. */
    public void cancel() {
        cancelRequested = true;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /**
     * Starts the named step (one of {@link #steps()}); throws {@link JobCancelledException} when the user
     * asked to stop, so every step boundary is a cancel point.
     */
    public void beginStep(String name) {
        throwIfCancelled();
        int index = steps.indexOf(name);
        double fraction = steps.isEmpty() ? -1 : Math.max(0, index) / (double) steps.size();
        ui.ui(() -> {
            step.set(index);
            message.set(name);
            progress.set(fraction);
        });
    }

    public void throwIfCancelled() {
        if (cancelRequested) {
            throw new JobCancelledException(title);
        }
    }

    /** What a backend operation reports into: its phrases become the message; cancel flows back. */
    public ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void progress(String phrase, double fraction) {
                ui.ui(() -> message.set(phrase));
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested || Thread.currentThread().isInterrupted();
            }
        };
    }

    /**
     * Ends the job; the first end wins (a timeout and a late result cannot both land).
     *
     * @return false when the job had already ended
     */
    boolean end(JobState end, DuovirtException failure) {
        synchronized (this) {
            if (finished.isDone()) {
                return false;
            }
            this.failure = failure;
            finished.complete(end);
        }
        ui.ui(() -> {
            error.set(failure);
            if (end == JobState.SUCCEEDED) {
                progress.set(1);
                step.set(steps.size());
            }
            message.set(failure != null ? failure.getMessage() : end == JobState.CANCELLED ? "" : message.get());
            state.set(end);
        });
        return true;
    }
}
