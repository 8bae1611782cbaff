package org.duovirt.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duovirt.app.host.Sessions.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs without a window: steps, success, failure through the one error path, cancel, own timeout. */
class JobsTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final List<DuovirtException> shown = new CopyOnWriteArrayList<>();
    private final Jobs jobs = new Jobs(ui, Sessions.TIMER, shown::add);

    @BeforeEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void aJobWalksItsNamedStepsAndSucceeds() {
        Job job = jobs.newJob("Create web", List.of("Disk", "Definition", "Start"));
        List<String> seen = new CopyOnWriteArrayList<>();
        job.messageProperty().addListener((o, a, b) -> seen.add(b));
        String result = jobs.run(job, Duration.ofSeconds(5), j -> {
            j.beginStep("Disk");
            j.listener().progress("Creating a 1 GiB disk", 0.5);
            j.beginStep("Definition");
            j.beginStep("Start");
            return "done";
        }).join();
        assertThat(result).isEqualTo("done");
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.progressProperty().get()).isEqualTo(1.0);
        assertThat(seen).containsSubsequence("Disk", "Creating a 1 GiB disk", "Definition", "Start");
        assertThat(jobs.jobs()).containsExactly(job);
        assertThat(jobs.runningProperty().get()).isZero();
        assertThat(shown).isEmpty();
    }

    @Test
    void aFailureEndsTheJobAndReachesTheErrorPathOnce() {
        Job job = jobs.newJob("Create web", List.of("Disk"));
        var future = jobs.run(job, Duration.ofSeconds(5), j -> {
            j.beginStep("Disk");
            throw new DuovirtException("The pool is full.", "Free some space.");
        });
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("The pool is full.");
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.errorProperty().get().getMessage()).isEqualTo("The pool is full.");
        assertThat(shown).extracting(Throwable::getMessage).containsExactly("The pool is full.");
    }

    @Test
    void cancelStopsAtTheNextStepWithoutAnErrorDialog() {
        Job job = jobs.newJob("Create web", List.of("Disk", "Definition"));
        List<String> made = new CopyOnWriteArrayList<>();
        var future = jobs.run(job, Duration.ofSeconds(5), j -> {
            j.beginStep("Disk");
            made.add("disk");
            j.cancel(); // the user presses Cancel while the disk is made
            try {
                j.beginStep("Definition");
                made.add("definition");
            } finally {
                if (j.isCancelRequested()) {
                    made.remove("disk");
                }
            }
            return null;
        });
        assertThatThrownBy(future::join).hasCauseInstanceOf(JobCancelledException.class);
        assertThat(job.state()).isEqualTo(JobState.CANCELLED);
        assertThat(made).isEmpty();
        assertThat(shown).isEmpty();
    }

    @Test
    void aBackendSeesTheCancelThroughItsProgressListener() {
        Job job = jobs.newJob("Create web", List.of());
        job.cancel();
        assertThat(job.listener().isCancelled()).isTrue();
    }

    @Test
    void aJobThatOutlivesItsOwnTimeoutFailsAndIsAskedToStop() throws Exception {
        Job job = jobs.newJob("Start web", List.of("Start"));
        Thread worker = new Thread(() -> jobs.run(job, Duration.ofMillis(200), j -> {
            while (!j.listener().isCancelled()) {
                Thread.sleep(10);
            }
            return null;
        }));
        worker.start();
        worker.join(5000);
        assertThat(worker.isAlive()).isFalse();
        await("failed", () -> job.state() == JobState.FAILED);
        assertThat(job.errorOrNull().getMessage()).isEqualTo(
                "Start web did not finish within 1 s; it was asked to stop and undo what it made.");
        await("reported", () -> !shown.isEmpty()); // the timer thread tells the user just after the job ends
        assertThat(shown).hasSize(1);
    }

    @Test
    void failingARunningJobFromOutsideWinsOverItsLateResult() {
        Job job = jobs.newJob("Create web", List.of());
        var future = jobs.run(job, Duration.ofSeconds(5), j -> {
            jobs.fail(j, new DuovirtException("The host stopped answering.", (String) null));
            return "late";
        });
        assertThatThrownBy(future::join).hasRootCauseMessage("The host stopped answering.");
        assertThat(job.state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void aJobFailedFromOutsideFailsItsCallerAtOnceWhileItsWorkStillHangs() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        Jobs threaded = new Jobs(new WorkerThreadExecutor(), Sessions.TIMER, shown::add);
        Job job = threaded.newJob("Create web", List.of("Start"));
        var future = threaded.run(job, Duration.ofSeconds(30), j -> {
            answer.await(); // a call to a host that vanished and never answers
            return "late";
        });
        threaded.fail(job, new DuovirtException("The host stopped answering.", (String) null));
        assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("The host stopped answering.");
        answer.countDown();
        assertThat(shown).hasSize(1);
    }

    /** UI on the calling thread, background work on a thread of its own, so a hanging work does not block run. */
    private static final class WorkerThreadExecutor implements TaskExecutor {
        @Override
        public void ui(Runnable action) {
            action.run();
        }

        @Override
        public boolean isUiThread() {
            return true;
        }

        @Override
        public <T> CompletableFuture<T> background(String what, Callable<T> work) {
            CompletableFuture<T> future = new CompletableFuture<>();
            Thread worker = new Thread(() -> TaskExecutor.complete(future, work), what);
            worker.setDaemon(true);
            worker.start();
            return future;
        }
    }
}
