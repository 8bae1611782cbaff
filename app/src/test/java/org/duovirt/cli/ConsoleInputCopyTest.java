package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleInputCopyTest {
    @Test
    void theWaitEndsWhenTheGuestIsDoneEvenThoughTheInputStaysOpen() throws Exception {
        PipedOutputStream script = new PipedOutputStream();
        CountDownLatch outputDone = new CountDownLatch(1);
        var copy = new ConsoleCommand.InputCopy(new PipedInputStream(script), new ByteArrayOutputStream(), outputDone);
        Thread typist = new Thread(copy);
        typist.setDaemon(true);
        typist.start();
        var waiter = new java.util.concurrent.CompletableFuture<Boolean>();
        Thread waiting = new Thread(() -> {
            try {
                waiter.complete(copy.awaitEnd(outputDone));
            } catch (InterruptedException e) {
                waiter.completeExceptionally(e);
            }
        });
        waiting.setDaemon(true);
        waiting.start();
        Thread.sleep(200);
        assertThat(waiter).as("the input is open and the guest not done yet").isNotDone();
        outputDone.countDown();
        assertThat(waiter.get(2, TimeUnit.SECONDS)).as("not a Ctrl-] detach").isFalse();
        script.close();
    }

    @Test
    void ctrlBracketDetachesAndOnlyWhatCameBeforeItReachesTheGuest() throws Exception {
        ByteArrayOutputStream guest = new ByteArrayOutputStream();
        var copy = new ConsoleCommand.InputCopy(new ByteArrayInputStream("ls\n\u001dnot this".getBytes(StandardCharsets.UTF_8)),
                guest, new CountDownLatch(1));
        copy.run();
        assertThat(copy.awaitEnd(new CountDownLatch(1))).isTrue();
        assertThat(guest.toString(StandardCharsets.UTF_8)).isEqualTo("ls\n");
    }

    @Test
    void theEndOfInputIsNoDetach() throws Exception {
        ByteArrayOutputStream guest = new ByteArrayOutputStream();
        var copy = new ConsoleCommand.InputCopy(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)),
                guest, new CountDownLatch(1));
        copy.run();
        assertThat(copy.awaitEnd(new CountDownLatch(1))).isFalse();
        assertThat(guest.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }
}
