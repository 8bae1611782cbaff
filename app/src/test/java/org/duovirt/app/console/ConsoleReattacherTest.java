package org.duovirt.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.app.host.FakeHost;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.TextConsole;
import org.junit.jupiter.api.Test;

/** Opening a text console again after its stream ended by itself, on a host session over a fake host. */
class ConsoleReattacherTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger failing = new AtomicInteger();
    private final List<Boolean> told = new CopyOnWriteArrayList<>();
    private final AtomicBoolean tabClosed = new AtomicBoolean();
    private final FakeHost fake = new FakeHost() {
        @Override
        public TextConsole openConsole(String vm) {
            if (failing.getAndDecrement() > 0) {
                throw new DuovirtException("xenconsole: Could not read tty from store.", (String) null);
            }
            opened.incrementAndGet();
            return StreamConsoles.piped();
        }
    };

    private ConsoleReattacher reattacherFor(VmState state) {
        fake.vm("web", state);
        HostSession host = Sessions.connected(fake);
        await("listed", () -> host.vms().size() == 1);
        VmRow row = host.vms().get(0);
        return new ConsoleReattacher(row, tabClosed::get, told::add, Duration.ofMillis(1));
    }

    @Test
    void aConsoleOfARunningVmIsOpenedAgainAndTheUserIsToldBothWays() {
        ConsoleReattacher r = reattacherFor(VmState.RUNNING);
        assertThat(r.reattach()).isNotNull();
        assertThat(opened).hasValue(1);
        assertThat(told).containsExactly(true, false);
    }

    @Test
    void failedTriesAreRepeatedUntilOneWorks() {
        ConsoleReattacher r = reattacherFor(VmState.RUNNING);
        failing.set(3);
        assertThat(r.reattach()).isNotNull();
        assertThat(opened).hasValue(1);
    }

    @Test
    void itGivesUpAfterItsTries() {
        ConsoleReattacher r = reattacherFor(VmState.RUNNING);
        failing.set(ConsoleReattacher.TRIES);
        assertThat(r.reattach()).isNull();
        assertThat(opened).hasValue(0);
    }

    @Test
    void aVmThatStoppedIsNotAttachedAgain() {
        ConsoleReattacher r = reattacherFor(VmState.SHUTOFF);
        assertThat(r.reattach()).isNull();
        assertThat(opened).hasValue(0);
    }

    @Test
    void aClosedTabIsNotAttachedAgain() {
        ConsoleReattacher r = reattacherFor(VmState.RUNNING);
        tabClosed.set(true);
        assertThat(r.reattach()).isNull();
        assertThat(opened).hasValue(0);
    }

    @Test
    void aConsoleThatKeepsEndingAtOnceIsGivenUp() {
        ConsoleReattacher r = reattacherFor(VmState.RUNNING);
        for (int i = 0; i < ConsoleReattacher.TRIES; i++) {
            assertThat(r.reattach()).as("reattach " + (i + 1)).isNotNull();
        }
        assertThat(r.reattach()).isNull();
        assertThat(opened).hasValue(ConsoleReattacher.TRIES);
    }
}
