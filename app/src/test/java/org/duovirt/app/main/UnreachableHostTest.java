package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.css.PseudoClass;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hosts that do not answer never block the window: a refused SSH port, and a host that hangs mid-session
 * (the real test driver behind a proxy that stops answering on demand).
 */
@ExtendWith(ApplicationExtension.class)
class UnreachableHostTest {
    private static final String CLOSED_PORT = "qemu+ssh://nobody@127.0.0.1:1/system";
    @TempDir
    static Path home;
    private final AtomicBoolean hang = new AtomicBoolean();
    private final CountDownLatch never = new CountDownLatch(1);
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("unreach-" + System.nanoTime()), List.of(
                new ConnectionConfig(CLOSED_PORT, "closed-port", true),
                new ConnectionConfig(UiTestSupport.mixedFixtureUri(), "flaky", true)));
        Connector real = Connector.of(UiTestSupport.BACKENDS);
        Connector hanging = uri -> {
            if (hang.get()) {
                block();
            }
            return hangable(real.open(uri));
        };
        window = UiTestSupport.open(stage, dirs, hanging,
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(500)));
    }

    @AfterEach
    void close() {
        never.countDown();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    /** The real connection, except that every call blocks while {@link #hang} is set. */
    private HostConnection hangable(HostConnection c) {
        return (HostConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HostConnection.class},
                (proxy, method, args) -> {
                    if (hang.get() && !method.getName().equals("close")) {
                        block();
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Blocks like a dead host; the watchdog's shutdownNow interrupts the abandoned thread. */
    private void block() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("abandoned", e);
        }
    }

    private HostSession host(String name) {
        return UiTestSupport.onFx(() -> window.hosts().hosts().stream().filter(h -> h.displayName().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void refusedAndHungHostsShowDisconnectedWhileTheWindowStaysResponsive(FxRobot robot) throws Exception {
        waitUntil("closed port is disconnected", Duration.ofSeconds(30), () -> host("closed-port").state() == HostState.DISCONNECTED);
        waitUntil("flaky host is connected", Duration.ofSeconds(20), () -> host("flaky").state() == HostState.CONNECTED
                && !host("flaky").vms().isEmpty());
        assertThat(UiTestSupport.fxRoundTripMillis()).isLessThan(500);

        hang.set(true);
        long t0 = System.nanoTime();
        UiTestSupport.onFx(() -> {
            host("flaky").resync();
            return null;
        });
        // While the host hangs, the FX thread keeps answering.
        for (int i = 0; i < 5; i++) {
            assertThat(UiTestSupport.fxRoundTripMillis()).isLessThan(500);
            Thread.sleep(200);
        }
        waitUntil("hung host is disconnected", Duration.ofSeconds(10), () -> host("flaky").state() == HostState.DISCONNECTED);
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertThat(seconds).as("marked after the 2 s call timeout").isBetween(1L, 6L);
        waitUntil("its rows are greyed", Duration.ofSeconds(5), () -> robot.lookup("#vm-table .table-row-cell").queryAll().stream()
                .anyMatch(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("offline"))));
        assertThat(robot.lookup("#status-hosts").queryLabeled().getText()).contains("0 connected");

        UiTestSupport.click(robot, robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertThat(robot.lookup("#tool-pause").queryButton().isDisabled()).as("no actions on an unreachable host").isTrue();

        hang.set(false);
        waitUntil("the host comes back after back-off and is re-listed", Duration.ofSeconds(20),
                () -> host("flaky").state() == HostState.CONNECTED && host("flaky").vms().size() == 9);
        assertThat(host("closed-port").state()).isEqualTo(HostState.DISCONNECTED);
    }
}
