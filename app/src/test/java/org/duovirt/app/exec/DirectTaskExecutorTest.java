package org.duovirt.app.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The test executor runs on the calling thread but still enforces which context may touch UI state. */
class DirectTaskExecutorTest {
    private final DirectTaskExecutor exec = new DirectTaskExecutor();

    @Test
    void theTestThreadIsTheUiThread() {
        assertThat(exec.isUiThread()).isTrue();
        exec.assertUiThread();
    }

    @Test
    void uiStateChangedFromBackgroundWorkFailsTheCheck() {
        var future = exec.background("work", () -> {
            exec.assertUiThread();
            return "touched";
        });
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("off the UI thread");
    }

    @Test
    void blockingWorkOnTheUiThreadFailsTheCheck() {
        assertThatThrownBy(exec::assertNotUiThread).isInstanceOf(IllegalStateException.class);
        assertThat(exec.background("work", () -> {
            exec.assertNotUiThread();
            return 1;
        }).join()).isEqualTo(1);
    }

    @Test
    void hoppingBackToTheUiInsideBackgroundWorkIsAllowed() {
        StringBuilder seen = new StringBuilder();
        exec.background("work", () -> {
            exec.ui(() -> {
                exec.assertUiThread();
                seen.append("ui");
            });
            seen.append(exec.isUiThread() ? "-still-ui" : "-worker");
            return null;
        }).join();
        assertThat(seen).hasToString("ui-worker");
    }

    @Test
    void anotherThreadOutsideUiIsNotTheUiThread() throws Exception {
        boolean[] result = new boolean[2];
        Thread t = new Thread(() -> {
            result[0] = exec.isUiThread();
            exec.ui(() -> result[1] = exec.isUiThread());
        });
        t.start();
        t.join();
        assertThat(result[0]).isFalse();
        assertThat(result[1]).isTrue();
    }
}
