package org.duovirt.app.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.junit.jupiter.api.Test;

class StatsPollerTest {

    @Test
    void aSlowHostSkipsTicksInsteadOfPilingUpAndAsksOnlyVisibleGroups() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<Set<StatsGroup>> asked = new CopyOnWriteArrayList<>();
        FakeHost slow = new FakeHost() {
            @Override
            public StatsSample sample(Set<StatsGroup> groups, List<String> vms) {
                asked.add(groups);
                maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(350);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return StatsSample.now(List.of(VmCounters.builder("a", "u", VmState.RUNNING).cpuTimeNs(System.nanoTime()).build()));
            }
        };
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        StatsPoller poller = new StatsPoller("slow", () -> slow, () -> EnumSet.of(StatsGroup.CPU), r -> delivered.add(r.size()));
        poller.start(Sessions.TIMER, 100);
        Thread.sleep(1500);
        poller.shutdown();

        assertThat(maxConcurrent.get()).as("never two samples at once").isEqualTo(1);
        assertThat(poller.skippedTicks()).as("ticks during a slow sample are skipped").isGreaterThan(5);
        assertThat(poller.sampleCount()).isBetween(2L, 5L);
        assertThat(asked).allMatch(g -> g.equals(EnumSet.of(StatsGroup.CPU)));
        assertThat(delivered).isNotEmpty();
    }
}
