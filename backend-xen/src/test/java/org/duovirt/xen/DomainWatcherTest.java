package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.LifecycleEvent;
import org.duovirt.core.model.LifecycleEvent.Kind;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.HostListener;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlStates;
import org.junit.jupiter.api.Test;

class DomainWatcherTest {
    private static XlDomainRow row(String name, int domid, String letters) {
        return new XlDomainRow(name, domid, 64, 1, letters, XlStates.fromXlList(letters), 1.0, null, null);
    }

    @Test
    void diffsOfTheDomainListBecomeLifecycleEvents() {
        DomainWatcher watcher = new DomainWatcher(List::of);
        assertThat(watcher.diff(List.of(row("Domain-0", 0, "r-----"), row("a", 1, "-b----")))).isEmpty();
        List<LifecycleEvent> events = watcher.diff(List.of(row("a", 1, "--p---"), row("b", 2, "r-----")));
        assertThat(events).extracting(LifecycleEvent::kind, LifecycleEvent::vmName, LifecycleEvent::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.SUSPENDED, "a", VmState.PAUSED),
                        org.assertj.core.groups.Tuple.tuple(Kind.STARTED, "b", VmState.RUNNING));
        events = watcher.diff(List.of(row("a", 1, "r-----"), row("b", 2, "---sc-")));
        assertThat(events).extracting(LifecycleEvent::kind).containsExactlyInAnyOrder(Kind.RESUMED, Kind.CRASHED);
        events = watcher.diff(List.of(row("a", 5, "r-----")));
        assertThat(events).extracting(LifecycleEvent::kind, LifecycleEvent::detail)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.STARTED, "restarted"),
                        org.assertj.core.groups.Tuple.tuple(Kind.STOPPED, "stopped"));
    }

    @Test
    void aListingsDomainsAreTheFirstPollsBaselineButNeverReplaceAPolledOne() {
        DomainWatcher seeded = new DomainWatcher(List::of);
        seeded.baseline(List.of(row("Domain-0", 0, "r-----"), row("a", 1, "r-----")));
        // The listing saw 'a'; the first poll does not: that is an event, not a silent new baseline.
        assertThat(seeded.diff(List.of(row("Domain-0", 0, "r-----")))).extracting(LifecycleEvent::kind, LifecycleEvent::vmName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.STOPPED, "a"));
        DomainWatcher polled = new DomainWatcher(List::of);
        polled.diff(List.of());
        polled.baseline(List.of(row("b", 2, "r-----")));
        // A later listing is no baseline: the poll's own previous list stays, so 'b' is announced once, by the diff.
        assertThat(polled.diff(List.of(row("b", 2, "r-----")))).extracting(LifecycleEvent::kind).containsExactly(Kind.STARTED);
    }

    @Test
    void xlCreatesBuildStepsAreNotEventsUntilTheDomainRuns() {
        // As seen on the Xen host: the new domain is paused with 0 vCPUs, then paused with its vCPUs, then runs.
        DomainWatcher watcher = new DomainWatcher(List::of);
        watcher.diff(List.of());
        assertThat(watcher.diff(List.of(new XlDomainRow("n", 3, 0, 0, "--p---", VmState.OTHER, 0, null, null)))).isEmpty();
        assertThat(watcher.diff(List.of(row("n", 3, "--p---")))).isEmpty();
        assertThat(watcher.diff(List.of(row("n", 3, "r-----")))).extracting(LifecycleEvent::kind, LifecycleEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.STARTED, VmState.RUNNING));
        assertThat(watcher.diff(List.of(row("n", 3, "-b----")))).isEmpty();
    }

    @Test
    void aDomainThatStaysPausedIsAnnouncedAfterItSettles() {
        DomainWatcher watcher = new DomainWatcher(List::of);
        watcher.diff(List.of());
        for (int i = 1; i < DomainWatcher.SETTLE_POLLS; i++) {
            assertThat(watcher.diff(List.of(row("p", 4, "--p---")))).isEmpty();
        }
        assertThat(watcher.diff(List.of(row("p", 4, "--p---")))).extracting(LifecycleEvent::kind, LifecycleEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.STARTED, VmState.PAUSED));
    }

    @Test
    void aVmThisConnectionSavedDisappearsAsSuspended() {
        DomainWatcher watcher = new DomainWatcher(List::of);
        watcher.diff(List.of(row("a", 1, "r-----")));
        watcher.expectSave("a");
        List<LifecycleEvent> events = watcher.diff(List.of());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.SUSPENDED);
            assertThat(e.state()).isEqualTo(VmState.SAVED);
        });
    }

    @Test
    void listenersGetPolledEventsAndOneConnectionLoss() throws Exception {
        List<List<XlDomainRow>> script = new ArrayList<>(List.of(List.of(), List.of(row("a", 1, "r-----"))));
        DomainWatcher watcher = new DomainWatcher(() -> {
            if (script.isEmpty()) {
                throw new HostUnreachableException("gone", null, null);
            }
            return script.remove(0);
        });
        List<String> seen = new CopyOnWriteArrayList<>();
        watcher.add(new HostListener() {
            @Override
            public void lifecycle(LifecycleEvent event) {
                seen.add(event.kind() + " " + event.vmName());
            }

            @Override
            public void connectionLost(String reason) {
                seen.add("lost " + reason);
            }
        });
        for (int i = 0; i < 100 && seen.size() < 2; i++) {
            Thread.sleep(100);
        }
        watcher.close();
        assertThat(seen).containsExactly("STARTED a", "lost gone");
    }
}
