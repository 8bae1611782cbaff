package org.duovirt.app.job;

import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.TaskProgressView;

/**
 * The running jobs, each with its title, current step, progress and a cancel button (ControlsFX's
 * TaskProgressView). Shown only while a job runs. Each job is mirrored by a JavaFX Task that merely
 * waits for the job, so the work itself stays in {@link Jobs} and is testable without a window. The
 * ControlsFX view is made with the first job, not with the window: hidden, it still cost its classes,
 * skin and style pass before the window's first frame.
 */
public final class JobsPanel extends StackPane {
    private TaskProgressView<Task<Void>> view;

    public JobsPanel(Jobs jobs) {
        setId("jobs-panel");
        getStyleClass().add("jobs-panel");
        visibleProperty().bind(jobs.runningProperty().greaterThan(0));
        managedProperty().bind(visibleProperty());
        jobs.jobs().addListener((ListChangeListener<Job>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::show);
            }
        });
    }

    private void show(Job job) {
        Task<Void> task = new Mirror(job);
        view().getTasks().add(task);
        Thread waiter = new Thread(task, "job-" + job.title());
        waiter.setDaemon(true);
        waiter.start();
    }

    private TaskProgressView<Task<Void>> view() {
        if (view == null) {
            view = new TaskProgressView<>();
            view.setPrefHeight(110);
            getChildren().add(view);
        }
        return view;
    }

    /** A Task that shows a job's state and passes a cancel on to it. */
    private static final class Mirror extends Task<Void> {
        private final Job job;

        Mirror(Job job) {
            this.job = job;
            updateTitle(job.title());
            updateMessage(job.messageProperty().get());
            job.messageProperty().addListener((o, a, b) -> updateMessage(b));
            job.progressProperty().addListener((o, a, b) -> updateProgress(b.doubleValue(), 1));
        }

        @Override
        protected Void call() throws Exception {
            JobState end = job.finished().get();
            if (end == JobState.FAILED) {
                throw job.errorOrNull();
            }
            return null;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            job.cancel();
            return super.cancel(false);
        }
    }
}
