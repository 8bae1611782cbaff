package org.duovirt.app.pinning;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.model.VcpuAffinity;

/**
 * Reads a VM's pinning through its host session every period and hands on the current CPUs. A tick is
 * skipped while the previous read is still out, so a slow host never piles reads up.
 */
public final class PollingCurrentCpuFeed implements CurrentCpuFeed {
    private final VmRow row;
    private final Duration period;

    public PollingCurrentCpuFeed(VmRow row, Duration period) {
        this.row = row;
        this.period = period;
    }

    @Override
    public AutoCloseable subscribe(Consumer<int[]> onTick) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pin-current-" + row.name()));
        AtomicBoolean busy = new AtomicBoolean();
        timer.scheduleWithFixedDelay(() -> {
            if (!busy.compareAndSet(false, true)) {
                return;
            }
            row.host().call("Reading the current CPUs of " + row.name(), c -> c.pinning(row.name()))
                    .whenComplete((p, e) -> {
                        busy.set(false);
                        if (p != null) {
                            onTick.accept(p.vcpus().stream().mapToInt(VcpuAffinity::currentCpu).toArray());
                        }
                    });
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}
