package org.duovirt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.duovirt.core.stats.VmRates;
import org.duovirt.core.stats.history.HistoryStore;
import org.duovirt.core.stats.history.HistoryTiers;
import org.duovirt.core.stats.history.VmHistory;

/**
 * Heap held by 24 h of history for 1,000 VMs (the budget: 64 MiB). Not a JMH benchmark: it fills a
 * {@link HistoryStore} and measures the heap retained, after full GCs, before and after. A day at 1 s would
 * be 86,400 ticks; the rings are allocated on first use and fixed in size after, so the harness fills the
 * day at 30 s steps and the last 10 minutes at 1 s (every ring full, every bucket written), which holds
 * exactly the arrays a real day would. Run: {@code java -Xmx64m -cp … org.duovirt.bench.HistoryMemoryHarness [VMS]}
 * — with {@code -Xmx64m} the whole JVM, harness included, must fit in the budget.
 */
public final class HistoryMemoryHarness {
    private HistoryMemoryHarness() {
    }

    public static void main(String[] args) {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        HistoryStore store = new HistoryStore();
        long start = 1_780_000_000_000L;
        long day = 86_400_000L;
        long tick = 0;
        for (long t = start; t < start + day - 600_000; t += 30_000) {
            store.record(t, HistoryFixture.tick(vms, tick++), vm -> 2);
        }
        for (long t = start + day - 600_000; t < start + day; t += 1_000) {
            store.record(t, HistoryFixture.tick(vms, tick++), vm -> 2);
        }
        long after = settledHeap(memory);
        VmHistory one = store.vm("vm-0");
        long retained = after - before;
        System.out.printf("VMs: %d, series per VM: %d, raw samples: %d, ticks recorded: %d%n",
                vms, one.keys().size(), one.rawSize(), tick);
        System.out.printf("heap retained by the history: %.1f MiB (%.1f KiB per VM); rings alone (estimate): %.1f MiB%n",
                retained / 1048576.0, retained / 1024.0 / vms, vms * one.estimatedBytes() / 1048576.0);
        System.out.printf("max heap of this JVM: %.0f MiB; tiers: %s%n",
                Runtime.getRuntime().maxMemory() / 1048576.0, HistoryTiers.STANDARD);
        System.out.printf("budget 64 MiB: %s%n", retained <= 64L * 1048576 ? "MET" : "MISSED");
        if (store.names().size() != vms) {
            throw new IllegalStateException("lost VMs");
        }
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Keeps the fixture's type referenced for readers of this file. */
    static List<VmRates> sample() {
        return HistoryFixture.tick(1, 0);
    }
}
