package org.duovirt.app.host;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.DirectTaskExecutor;

/** Builds host sessions over a given connector for view-model tests, and waits for conditions. */
public final class Sessions {
    public static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(2, DaemonThreads.named("test-timer"));

    private Sessions() {
    }

    public static Timeouts fast() {
        return new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    public static HostSession session(String uri, Connector connector, Timeouts timeouts) {
        return new HostSession(new ConnectionConfig(uri, uri, true), false, connector, new DirectTaskExecutor(), TIMER, timeouts);
    }

    public static HostSession connected(FakeHost host) {
        HostSession s = session("fake:///", uri -> host, fast());
        s.connect();
        await("connected", () -> s.state() == HostState.CONNECTED);
        return s;
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** A connected session on libvirt's test driver (its VM "test", pool "default-pool", network "default"). */
    public static HostSession testDriver() {
        HostSession s = session("test:///default", uri -> org.duovirt.core.spi.Backends.installed().connect(uri), fast());
        s.connect();
        await("the test driver connected and listed", () -> s.state() == HostState.CONNECTED && !s.vms().isEmpty());
        return s;
    }

    /** The session's row of that VM. */
    public static VmRow row(HostSession s, String vm) {
        return s.vms().stream().filter(r -> r.name().equals(vm)).findFirst().orElseThrow();
    }
}
