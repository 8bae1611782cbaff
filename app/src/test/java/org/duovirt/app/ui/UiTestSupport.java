package org.duovirt.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.Messages;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.main.MainWindow;
import org.duovirt.core.spi.Backends;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window on the installed backends, with connections in a temp config dir. */
public final class UiTestSupport {
    public static final Backends BACKENDS = Backends.installed();

    private UiTestSupport() {
    }

    /** The fixture with nine domains in mixed states, as a test:/// URI. */
    public static String mixedFixtureUri() {
        Path p = Path.of("src/test/resources/fixtures/mixed-node.xml").toAbsolutePath();
        assertThat(p).exists();
        return "test://" + p;
    }

    public static AppDirs tempDirs(Path root, List<ConnectionConfig> connections) throws IOException {
        Messages.use(Locale.ENGLISH);
        AppDirs dirs = new AppDirs(root.resolve("config"), root.resolve("state"));
        Files.createDirectories(dirs.config());
        if (!connections.isEmpty()) {
            new ConnectionStore(dirs.config()).save(connections);
        }
        return dirs;
    }

    public static MainWindow open(Stage stage, AppDirs dirs) {
        return open(stage, dirs, Connector.of(BACKENDS), Timeouts.standard());
    }

    public static MainWindow open(Stage stage, AppDirs dirs, Connector connector, Timeouts timeouts) {
        return MainWindow.open(stage, dirs, connector, () -> DefaultConnection.open(BACKENDS, Duration.ofSeconds(3)), timeouts);
    }

    /** Waits (off the FX thread) until the condition, read on the FX thread, holds. */
    public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        waitUntil(what, timeout, condition, () -> "");
    }

    /**
     * As {@link #waitUntil(String, Duration, BooleanSupplier)}, and a timeout says what the screen showed instead
     * ({@code seen}, read on the FX thread), so a failure on a CI machine tells why without a rerun.
     */
    public static void waitUntil(String what, Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> seen) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, () -> onFx(condition::getAsBoolean));
        } catch (TimeoutException e) {
            String shown = onFx(seen::get);
            throw new AssertionError("Timed out waiting for: " + what + (shown.isEmpty() ? "" : "; instead: " + shown), e);
        }
    }

    /** Writes a snapshot of the scene (taken on the FX thread) as a PNG; tests write under target/, never docs/. */
    public static void savePng(javafx.scene.Scene scene, Path file) {
        javafx.scene.image.WritableImage image = onFx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            javax.imageio.ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a value on the FX thread. */
    /** The titles and labels of every showing stage but {@code main}, for a failure's message (an error dialog). */
    public static String windowTexts(javafx.stage.Window main) {
        return onFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage && w != main)
                .map(w -> ((Stage) w).getTitle() + ": "
                        + (w.getScene() == null ? "" : w.getScene().getRoot().lookupAll(".label").stream()
                                .filter(n -> n instanceof javafx.scene.control.Labeled).map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(t -> t != null && !t.isBlank())
                                .collect(java.util.stream.Collectors.joining(" | "))))
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    /** Closes every showing stage but {@code main}: an error dialog a test has read. */
    public static void closeOtherStages(javafx.stage.Window main) {
        onFx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage && w != main).toList()
                    .forEach(javafx.stage.Window::hide);
            return null;
        });
    }

    public static <T> T onFx(java.util.concurrent.Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /**
     * Clicks the centre of the first visible node the query finds. TestFX's own clickOn measures the node
     * on the test thread, which races with layout on the FX thread (seen as an NPE inside text layout under
     * load); here both the lookup and the measuring happen on the FX thread.
     */
    public static FxRobot click(FxRobot robot, String query) {
        javafx.scene.Node node = onFx(() -> robot.lookup(query).match(org.testfx.util.NodeQueryUtils.isVisible()).query());
        if (node == null) {
            throw new AssertionError("Nothing visible to click for " + query);
        }
        return click(robot, node);
    }

    /** Clicks the centre of a node, measured on the FX thread (see {@link #click(FxRobot, String)}). */
    public static FxRobot click(FxRobot robot, javafx.scene.Node node) {
        // write() types into the robot's target window, which TestFX's own clickOn sets to the node's window.
        robot.targetWindow(onFx(() -> node.getScene().getWindow()));
        javafx.geometry.Point2D centre = onFx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        });
        robot.clickOn(centre);
        return robot;
    }

    /**
     * Selects the VM {@code name} in the main window's VM table by clicking its name cell. The cell is looked up
     * on the FX thread once the table has drawn it, and the click is made again when the table re-used the
     * cell for another row in between (a refresh under load), until that VM is the one selected.
     */
    public static void clickVmRow(FxRobot robot, String name, java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            java.util.Optional<javafx.scene.Node> cell = onFx(() -> robot.lookup("#vm-table .table-cell")
                    .match(c -> c.getScene() != null && c.isVisible() && name.equals(((javafx.scene.control.TableCell<?, ?>) c).getText()))
                    .tryQuery());
            if (cell.isPresent()) {
                click(robot, cell.get());
                if (onFx(() -> robot.lookup("#vm-table").queryAs(org.duovirt.app.main.VmTableView.class).getSelectionModel()
                        .getSelectedItems().stream().anyMatch(r -> r.name().equals(name)))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out selecting " + name + " in the VM table");
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens the popup of {@code openerQuery} (a menu button or a combo box) and clicks the first item {@code item}
     * matches. A click that lands while the control is laid out again may not open the popup, so it is opened
     * again until the item shows; a timeout names what was wanted.
     */
    public static void pick(FxRobot robot, String openerQuery, java.util.function.Predicate<javafx.scene.Node> item, String what,
            java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            java.util.Optional<javafx.scene.Node> found = onFx(() -> robot.lookup(item::test).tryQuery());
            if (found.isPresent()) {
                click(robot, found.get());
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            javafx.scene.Node opener = onFx(() -> robot.lookup(openerQuery).match(org.testfx.util.NodeQueryUtils.isVisible()).query());
            boolean showing = onFx(() -> opener instanceof javafx.scene.control.MenuButton m ? m.isShowing()
                    : opener instanceof javafx.scene.control.ComboBoxBase<?> c && c.isShowing());
            if (!showing) {
                click(robot, opener);
            }
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        }
    }

    /** Milliseconds the FX thread takes to run an empty task: proof it is not blocked. */
    public static long fxRoundTripMillis() throws InterruptedException {
        long t0 = System.nanoTime();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        if (!done.await(10, TimeUnit.SECONDS)) {
            return 10_000;
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    public static VmRow row(FxRobot robot, String name) {
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        return onFx(() -> table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null));
    }

    public static List<String> visibleNames(FxRobot robot) {
        TableView<VmRow> table = robot.lookup("#vm-table").queryTableView();
        return onFx(() -> table.getItems().stream().map(VmRow::name).sorted().toList());
    }

    /** The text the state column shows for a VM. */
    public static String stateText(FxRobot robot, String name) {
        VmRow r = row(robot, name);
        return r == null ? null : onFx(() -> Messages.get("state." + r.state().cliName()));
    }
}
