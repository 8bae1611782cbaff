package org.duovirt.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.FakeHost;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.Metric;
import org.duovirt.core.stats.SeriesKey;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.core.stats.history.HistoryWindow;
import org.junit.jupiter.api.Test;

class StatsHubTest {
    private static final SeriesKey CPU = SeriesKey.total(Metric.CPU);

    /** A host whose VM "a" uses exactly half of one CPU, and which can be made slow or lose VM "a". */
    private static final class Host extends FakeHost {
        final List<Set<StatsGroup>> groups = new CopyOnWriteArrayList<>();
        final List<List<String>> vmsAsked = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile long delayMillis;
        volatile boolean aRuns = true;
        private final long start = System.nanoTime();

        @Override
        public StatsSample sample(Set<StatsGroup> asked, List<String> vms) {
            groups.add(asked);
            vmsAsked.add(vms);
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            long now = System.nanoTime();
            List<VmCounters> list = aRuns
                    ? List.of(VmCounters.builder("a", "u", VmState.RUNNING).cpuTimeNs((now - start) / 2).build())
                    : List.of();
            return new StatsSample(java.time.Instant.now(), now, list);
        }
    }

    private static StatsHub hub(Host host) {
        return new StatsHub("test", () -> host, Sessions.TIMER, new DirectTaskExecutor(), vm -> 1);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aSlowHostSkipsTicksInsteadOfPilingUp() throws Exception {
        Host slow = new Host();
        slow.delayMillis = 350;
        StatsHub hub = hub(slow);
        hub.subscribe(Set.of(), EnumSet.of(StatsGroup.CPU), Duration.ofMillis(100), () -> { });
        hub.start();
        Thread.sleep(1500);
        hub.close();
        assertThat(slow.maxConcurrent.get()).as("never two samples at once").isEqualTo(1);
        assertThat(hub.skippedTicks()).as("ticks during a slow sample are skipped").isGreaterThan(5);
        assertThat(hub.sampleCount()).isBetween(2L, 5L);
    }

    @Test
    void oneCallPerTickAsksForTheUnionOfWhatSubscribersWantAtTheShortestInterval() throws Exception {
        Host host = new Host();
        StatsHub hub = hub(host);
        AtomicLong tableUpdates = new AtomicLong();
        StatsSubscription table = hub.subscribe(Set.of(), EnumSet.of(StatsGroup.CPU), Duration.ofSeconds(5), tableUpdates::incrementAndGet);
        StatsSubscription tab = hub.subscribe(Set.of("a"), EnumSet.of(StatsGroup.BLOCK, StatsGroup.NET), Duration.ofMillis(200), () -> { });
        hub.start();
        await(() -> hub.sampleCount() >= 3);
        assertThat(hub.period()).isEqualTo(Duration.ofMillis(200));
        assertThat(host.groups.get(host.groups.size() - 1)).containsExactlyInAnyOrder(StatsGroup.CPU, StatsGroup.BLOCK, StatsGroup.NET);
        assertThat(host.vmsAsked.get(host.vmsAsked.size() - 1)).as("the table wants every VM").isEmpty();
        assertThat(tableUpdates.get()).isPositive();

        table.close();
        int before = host.vmsAsked.size();
        await(() -> host.vmsAsked.size() > before + 1);
        assertThat(host.vmsAsked.get(host.vmsAsked.size() - 1)).containsExactly("a");
        assertThat(host.groups.get(host.groups.size() - 1)).containsExactlyInAnyOrder(StatsGroup.BLOCK, StatsGroup.NET);
        tab.close();
        assertThat(hub.period()).isNull();
        hub.close();
    }

    @Test
    void historySurvivesAStoppedVmAndAReconnectWithGapsBetween() throws Exception {
        Host host = new Host();
        StatsHub hub = hub(host);
        hub.subscribe(Set.of(), EnumSet.of(StatsGroup.CPU), Duration.ofMillis(100), () -> { });
        hub.start();
        await(() -> hub.sampleCount() >= 4);
        host.aRuns = false; // the VM stops
        long stopped = hub.sampleCount();
        await(() -> hub.sampleCount() >= stopped + 2);
        host.aRuns = true;
        long back = hub.sampleCount();
        await(() -> hub.sampleCount() >= back + 3);
        hub.stop(); // the host is lost …
        long lost = hub.sampleCount();
        Thread.sleep(300);
        assertThat(hub.sampleCount()).isEqualTo(lost);
        hub.start(); // … and back
        await(() -> hub.sampleCount() >= lost + 4);
        hub.close();

        HistoryWindow w = hub.history().vm("a").latest(1000);
        float[] cpu = w.series(CPU);
        int gaps = 0;
        for (int i = 1; i < cpu.length; i++) {
            if (Float.isNaN(cpu[i]) && !Float.isNaN(cpu[i - 1])) {
                gaps++;
            }
        }
        assertThat(gaps).as("one gap for the stop, one for the lost host, first rate after each is NaN").isGreaterThanOrEqualTo(2);
        // Every known value is the VM's real figure: half of its one vCPU.
        for (float v : cpu) {
            if (!Float.isNaN(v)) {
                assertThat(v).isBetween(45f, 55f);
            }
        }
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.time(i)).isGreaterThanOrEqualTo(w.time(i - 1));
        }
    }
}
