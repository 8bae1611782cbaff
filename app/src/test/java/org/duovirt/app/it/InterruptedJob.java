package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.duovirt.app.exec.FxTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.OperationTimeouts;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.app.wizard.CreateVmFlow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmSpec;

/**
 * The wizard's creation job (check, disk and definition, start) started in the real window, for a test that
 * makes its host vanish, and what the user must see of it: one sentence, once, then nothing left.
 */
final class InterruptedJob {
    private final HostSession host;
    private final VmSpec spec;
    private final List<DuovirtException> errors;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final Job job;

    private InterruptedJob(MainWindow window, HostSession host, VmSpec spec, List<DuovirtException> errors) {
        this.host = host;
        this.spec = spec;
        this.errors = errors;
        this.job = UiTestSupport.onFx(() -> new CreateVmFlow(new FxTaskExecutor(), window.model().jobs(), OperationTimeouts.standard())
                .start(host, spec, true, result));
    }

    /** @param errors where the window's error reporter puts what the user is told */
    static InterruptedJob start(MainWindow window, HostSession host, VmSpec spec, List<DuovirtException> errors) {
        return new InterruptedJob(window, host, spec, errors);
    }

    Job job() {
        return job;
    }

    JobState state() {
        return UiTestSupport.onFx(job::state);
    }

    /**
     * The job failed within 5 s of the host vanishing, in one sentence naming the VM and the host, told to the
     * user once, and the removal of what it made waits for the host.
     *
     * @return ms from {@code vanishedAt} (nanoTime) until the job had failed
     */
    long assertFailedInOneSentence(long vanishedAt) {
        UiTestSupport.waitUntil("the job failed", Duration.ofSeconds(5), () -> job.state() == JobState.FAILED);
        long failed = (System.nanoTime() - vanishedAt) / 1_000_000;
        String sentence = "Creating " + spec.name() + " could not be finished: " + host.displayName() + " stopped answering.";
        DuovirtException error = UiTestSupport.onFx(() -> job.errorProperty().get());
        assertThat(error.getMessage()).isEqualTo(sentence);
        assertThat(error.hint()).isEqualTo("What was made is removed when the host answers again; check its VM list then.");
        UiTestSupport.waitUntil("the error reported", Duration.ofSeconds(5), () -> !errors.isEmpty());
        assertThat(errors).extracting(Throwable::getMessage).containsExactly(sentence);
        assertThat(result).isCompletedExceptionally();
        assertThat(host.pendingLeftovers()).isEqualTo(1);
        return failed;
    }

    /**
     * Once the host is back: the removal ran, the VM is not in the window's list, nothing more was said.
     *
     * @return ms from {@code backAt} (nanoTime) until the removal had run
     */
    long assertLeftoversRemoved(long backAt, Duration within) {
        UiTestSupport.waitUntil("the leftovers removed", within, () -> host.pendingLeftovers() == 0);
        long removed = (System.nanoTime() - backAt) / 1_000_000;
        UiTestSupport.waitUntil("the VM gone from the list", Duration.ofSeconds(10),
                () -> host.vms().stream().noneMatch(r -> r.name().equals(spec.name())));
        assertThat(errors).as("nothing more to tell the user").hasSize(1);
        return removed;
    }
}
