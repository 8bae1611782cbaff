package org.duovirt.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.graphics.ConsoleState;
import org.duovirt.app.graphics.GraphicsConsoleViewModel;
import org.duovirt.app.graphics.ScalingStore;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.testing.VncGuest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console tab's view model on the real libvirtd: its screenshot matches {@code virsh screenshot} of the same
 * moment, and it reconnects by itself when the VM is powered off and started again.
 */
class GraphicsConsoleIT {
    private static final String NAME = VncGuest.PREFIX + "tab";
    private static HostConnection host;
    private static int[] still;
    @TempDir
    static Path dir;

    @BeforeAll
    static void boot() throws Exception {
        still = VncGuest.bootStill(NAME);
        host = Backends.installed().connect(VncGuest.URI);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        VncGuest.cleanUp();
    }

    @Test
    void theTabsScreenshotMatchesVirshAndTheTabReconnectsAfterAPowerCycle() throws Exception {
        GraphicsConsoleViewModel vm = new GraphicsConsoleViewModel(new DirectTaskExecutor(), VncGuest.URI, NAME,
                () -> host.openGraphics(NAME), new ScalingStore(dir.resolve("scaling.json")));
        vm.open();
        try {
            await("connected", () -> vm.stateProperty().get() == ConsoleState.CONNECTED);
            await("the banner in the tab", () -> agreementWithStill(vm) >= 0.99);
            Path png = dir.resolve("tab.png");
            vm.screenshot(png);
            await("the PNG written", () -> Files.isRegularFile(png) && vm.messageProperty().get().startsWith("Screenshot saved"));
            BufferedImage saved = ImageIO.read(png.toFile());
            int[] size = new int[2];
            int[] virsh = VncGuest.virshScreenshot(NAME, size);
            double agreement = VncGuest.agreement(saved.getRGB(0, 0, saved.getWidth(), saved.getHeight(), null, 0,
                    saved.getWidth()), virsh);
            System.out.printf("console tab screenshot vs virsh screenshot: %.4f%% of %dx%d pixels agree%n",
                    agreement * 100, size[0], size[1]);
            assertThat(agreement).isGreaterThanOrEqualTo(0.99);

            vm.vmRunning(false);
            VncGuest.virsh("destroy", NAME);
            await("the placeholder while off", () -> vm.stateProperty().get() == ConsoleState.OFF);
            VncGuest.virsh("start", NAME);
            vm.vmRunning(true);
            VncGuest.awaitStillScreen(NAME, Duration.ofMinutes(3));
            await("reconnected to the new QEMU", () -> vm.stateProperty().get() == ConsoleState.CONNECTED
                    && agreementWithStill(vm) >= 0.99);
        } finally {
            vm.close();
        }
    }

    private static double agreementWithStill(GraphicsConsoleViewModel vm) {
        int[] size = new int[2];
        return VncGuest.agreement(vm.screen().snapshot(size), still);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
