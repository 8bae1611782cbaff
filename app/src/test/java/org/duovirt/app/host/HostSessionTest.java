package org.duovirt.app.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.core.error.HostRefusedException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.Test;

class HostSessionTest {

    @Test
    void eventsUpdateRowsWithoutRelistingTheHost() {
        FakeHost host = new FakeHost().vm("a", VmState.RUNNING);
        HostSession s = Sessions.connected(host);
        await("row listed", () -> s.vms().size() == 1);
        int lists = host.listCalls.get();

        host.fire(LifecycleEvent.Kind.SUSPENDED, "a", VmState.PAUSED);
        await("state from the event", () -> s.vms().get(0).state() == VmState.PAUSED);
        host.fire(LifecycleEvent.Kind.DEFINED, "b", VmState.SHUTOFF);
        await("new VM appears", () -> s.vms().size() == 2);
        host.fire(LifecycleEvent.Kind.UNDEFINED, "a", null);
        await("undefined VM disappears", () -> s.vms().size() == 1 && s.vms().get(0).name().equals("b"));
        // Each event re-reads at most the VMs it concerns; nothing polls the full list meanwhile.
        assertThat(host.listCalls.get() - lists).isLessThanOrEqualTo(2);
        s.close();
    }

    @Test
    void aHangingConnectIsTimedOutMarkedDisconnectedAndRetriedWithBackoff() {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        FakeHost healthy = new FakeHost().vm("a", VmState.RUNNING);
        HostSession s = Sessions.session("slow:///", uri -> {
            if (attempts.incrementAndGet() == 1) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("abandoned");
            }
            return healthy;
        }, Sessions.fast());
        long t0 = System.nanoTime();
        s.connect();
        await("disconnected after the 500 ms timeout", () -> s.state() == HostState.DISCONNECTED);
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(400L, 3000L);
        assertThat(s.lastErrorProperty().get()).contains("did not answer");
        await("reconnected after the 2 s back-off", () -> s.state() == HostState.CONNECTED && s.vms().size() == 1);
        assertThat(attempts.get()).isEqualTo(2);
        s.close();
    }

    @Test
    void callsOnADisconnectedHostFailFastWithHostUnreachable() {
        HostSession s = Sessions.session("down:///", uri -> {
            throw new HostUnreachableException("down", null, null);
        }, Sessions.fast());
        s.connect();
        await("disconnected", () -> s.state() == HostState.DISCONNECTED);
        assertThat(s.call("x", c -> 1)).isCompletedExceptionally();
        s.close();
    }

    @Test
    void anOpenThatSucceedsAfterItsTimeoutIsClosedNotLeaked() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        CountDownLatch lateOpenDone = new CountDownLatch(1);
        FakeHost healthy = new FakeHost().vm("a", VmState.RUNNING);
        HostSession s = Sessions.session("late:///", uri -> {
            if (attempts.incrementAndGet() > 1) {
                return healthy;
            }
            // Uninterruptible, like a socket read in an SSH handshake: the open finishes after its timeout.
            long until = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            lateOpenDone.countDown();
            return new FakeHost() {
                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }, Sessions.fast());
        s.connect();
        await("connected by a later attempt", () -> s.state() == HostState.CONNECTED);
        assertThat(lateOpenDone.await(10, TimeUnit.SECONDS)).isTrue();
        await("the late connection closed", () -> closed.get() == 1);
        s.close();
    }

    @Test
    void backoffDoublesUpToItsCap() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertThat(new long[] {b.next().toSeconds(), b.next().toSeconds(), b.next().toSeconds(), b.next().toSeconds(),
                b.next().toSeconds(), b.next().toSeconds(), b.next().toSeconds()})
                .containsExactly(2, 4, 8, 16, 32, 60, 60);
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRefusedHostKeyOrLoginIsNotRetriedOnItsOwnButConnectTriesAgain() throws Exception {
        for (HostRefusedException.Reason reason : HostRefusedException.Reason.values()) {
            AtomicInteger attempts = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean accepted = new java.util.concurrent.atomic.AtomicBoolean();
            FakeHost healthy = new FakeHost().vm("a", VmState.RUNNING);
            HostSession s = Sessions.session("refusing:///", uri -> {
                attempts.incrementAndGet();
                if (!accepted.get()) {
                    throw new HostRefusedException(reason, "The SSH host key of h has changed.", "Check it.", null);
                }
                return healthy;
            }, Sessions.fast());
            s.connect();
            await("refused", () -> s.state() == HostState.DISCONNECTED && attempts.get() == 1);
            assertThat(s.retryingProperty().get()).isFalse();
            assertThat(s.lastErrorProperty().get()).isEqualTo("The SSH host key of h has changed.");
            // The ordinary loss retries every second: over 3.5 s that would be 3 more attempts (and 3 more refused logins).
            Thread.sleep(3500);
            assertThat(attempts.get()).as("attempts after a %s refusal", reason).isEqualTo(1);
            accepted.set(true);
            s.connect(); // the user's Connect Now
            await("connected by hand", () -> s.state() == HostState.CONNECTED && s.vms().size() == 1);
            assertThat(s.retryingProperty().get()).isTrue();
            s.close();
        }
    }

    /** A connector to a host that is down until {@code up}, whose probe tells the truth. */
    private static Connector downUntil(java.util.concurrent.atomic.AtomicBoolean up, java.util.concurrent.atomic.AtomicBoolean loginWorks,
                                       AtomicInteger attempts, FakeHost healthy) {
        return new Connector() {
            @Override
            public org.duovirt.core.spi.HostConnection open(String uri) {
                attempts.incrementAndGet();
                if (!up.get()) {
                    throw new HostUnreachableException("down", null, null);
                }
                if (!loginWorks.get()) {
                    throw new HostUnreachableException("the handshake timed out", null, null);
                }
                return healthy;
            }

            @Override
            public java.util.Optional<Boolean> answers(org.duovirt.app.config.ConnectionConfig config, Duration within) {
                return java.util.Optional.of(up.get());
            }
        };
    }

    @Test
    void aHostThatAnswersAgainIsReconnectedAtOnceNotAtTheNextBackoffStep() {
        AtomicInteger attempts = new AtomicInteger();
        var up = new java.util.concurrent.atomic.AtomicBoolean();
        HostSession s = Sessions.session("booting:///", downUntil(up, new java.util.concurrent.atomic.AtomicBoolean(true), attempts,
                new FakeHost().vm("a", VmState.RUNNING)), Sessions.fast());
        // A back-off grown to 30 s steps, as after a long outage.
        s.useBackoff(new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        s.connect();
        await("disconnected", () -> s.state() == HostState.DISCONNECTED && attempts.get() == 1);
        try {
            Thread.sleep(1500); // a probe or two find it down
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        long t0 = System.nanoTime();
        up.set(true);
        await("reconnected once the probe saw it answer", () -> s.state() == HostState.CONNECTED && s.vms().size() == 1);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms from the host answering to connected (the back-off step is 30 s)")
                .isLessThan(10_000);
        assertThat(attempts.get()).isEqualTo(2);
        s.close();
    }

    @Test
    void aHostThatAnswersTheProbeButFailsTheAttemptKeepsItsBackoff() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        var loginWorks = new java.util.concurrent.atomic.AtomicBoolean();
        HostSession s = Sessions.session("half-up:///", downUntil(new java.util.concurrent.atomic.AtomicBoolean(true), loginWorks, attempts,
                new FakeHost().vm("a", VmState.RUNNING)), Sessions.fast());
        s.useBackoff(new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(60)));
        s.connect();
        await("disconnected", () -> s.state() == HostState.DISCONNECTED && attempts.get() == 1);
        // It answers every probe: no change from silent to answering, so nothing runs before the 30 s step.
        Thread.sleep(3500);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(s.state()).isEqualTo(HostState.DISCONNECTED);
        s.close();
    }

    @Test
    void anOrdinaryLossKeepsTheFastReconnect() {
        AtomicInteger attempts = new AtomicInteger();
        FakeHost healthy = new FakeHost().vm("a", VmState.RUNNING);
        HostSession s = Sessions.session("flaky:///", uri -> {
            if (attempts.incrementAndGet() < 3) {
                throw new HostUnreachableException("down", null, null);
            }
            return healthy;
        }, Sessions.fast());
        long t0 = System.nanoTime();
        s.connect();
        await("disconnected", () -> s.state() == HostState.DISCONNECTED);
        assertThat(s.retryingProperty().get()).isTrue();
        await("reconnected on its own", () -> s.state() == HostState.CONNECTED);
        // Two failures, each followed by the 1 s steady step.
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
        s.close();
    }
}
