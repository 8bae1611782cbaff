package org.duovirt.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.duovirt.app.graphics.GraphicsConsoleView;
import org.duovirt.app.main.MainWindow;

/**
 * Key press → the guest's echo on its serial line, through the graphical console, in Duovirt and in virt-viewer
 * (gtk-vnc, the console virt-manager embeds) side by side in one run. Both get the same real X key events (XTEST) in
 * their focused window, so both pay the same input path (words are typed with xdotool, the timed Enter is sent
 * from this process through {@link XTestKeys}, well under a millisecond before the X server has it); rounds alternate between them so a noisy machine hits both alike.
 *
 * <p>The guest is the graphical-console test guest (testing/guest/build-vnc), already running, with its serial
 * port logged to a file ({@code <serial type='pty'><log file='…'/></serial>}): each round types a word, then times
 * from the Enter key to the guest's {@code vnc guest heard: WORD} line in that file. Run under Xvfb with no window
 * manager: {@code bench/vnc-key-echo}.
 */
public final class VncKeyEchoSideBySide {
    private static final long TIMEOUT_NS = Duration.ofSeconds(10).toNanos();

    private VncKeyEchoSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String vm = args[1];
        int rounds = Integer.parseInt(args[2]);
        Path serialLog = Path.of(args[3]);
        Messages.use(Locale.ENGLISH);
        Process viewer = new ProcessBuilder("virt-viewer", "-c", uri, vm).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (XTestKeys keys = new XTestKeys()) {
            String viewerWindow = xdotool("search", "--sync", "--name", "^" + vm + " ").lines().findFirst().orElseThrow();
            Duovirt duovirt = Duovirt.open(uri, vm);
            List<Double> ours = new ArrayList<>();
            List<Double> theirs = new ArrayList<>();
            for (int i = 0; i < 2 * (rounds + 3); i++) {
                boolean mine = i % 2 == 0;
                if (mine) {
                    duovirt.focus();
                } else {
                    xdotool("windowfocus", "--sync", viewerWindow);
                }
                double ms = round(keys, serialLog, "r" + i);
                if (i >= 6) { // three rounds each warm up the JIT, gtk-vnc and the guest
                    (mine ? ours : theirs).add(ms);
                }
            }
            System.out.println("duovirt     " + summary(ours));
            System.out.println("virt-viewer " + summary(theirs));
            System.out.printf(Locale.ROOT, "ratio duovirt / virt-viewer: median %.2f×, p95 %.2f×%n",
                    percentile(ours, 0.5) / percentile(theirs, 0.5), percentile(ours, 0.95) / percentile(theirs, 0.95));
            duovirt.close();
        } finally {
            viewer.destroy();
            viewer.waitFor(5, TimeUnit.SECONDS);
        }
        Platform.exit();
        System.exit(0);
    }

    /** Types the word into the focused window, then times its Enter (an XTEST event) to the guest's echo line. */
    private static double round(XTestKeys keys, Path serialLog, String word) throws Exception {
        xdotool("type", "--delay", "15", word);
        Thread.sleep(200); // the word's keys reach the guest; only the Enter is timed
        String expected = "vnc guest heard: " + word + "\r";
        long from = Files.size(serialLog);
        long t0 = System.nanoTime();
        keys.enter();
        while (!tail(serialLog, from).contains(expected)) {
            if (System.nanoTime() - t0 > TIMEOUT_NS) {
                throw new IllegalStateException("no echo of " + word + " within 10 s");
            }
            LockSupport.parkNanos(200_000);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Thread.sleep(40 + word.hashCode() % 40 + 40); // not in step with the guest's timer or the FX pulse
        return ms;
    }

    private static String tail(Path file, long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length <= from) {
                return "";
            }
            byte[] b = new byte[(int) Math.min(length - from, 1 << 16)];
            f.seek(from);
            f.readFully(b);
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }

    static String xdotool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("xdotool " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private static double percentile(List<Double> sorted, double p) {
        List<Double> s = new ArrayList<>(sorted);
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(s.size() * p) - 1));
    }

    private static String summary(List<Double> millis) {
        List<Double> s = new ArrayList<>(millis);
        Collections.sort(s);
        return String.format(Locale.ROOT, "rounds %d  median %.1f ms  p95 %.1f ms  min %.1f ms  max %.1f ms", s.size(),
                percentile(s, 0.5), percentile(s, 0.95), s.get(0), s.get(s.size() - 1));
    }

    /** The real main window with the VM's graphical console tab open, opened from the toolbar. */
    private static final class Duovirt {
        private final MainWindow window;
        private final GraphicsConsoleView view;
        private final String windowId;

        private Duovirt(MainWindow window, GraphicsConsoleView view, String windowId) {
            this.window = window;
            this.view = view;
            this.windowId = windowId;
        }

        static Duovirt open(String uri, String vm) throws Exception {
            MainWindow window = BenchWindow.openOn(uri, vm, "tool-graphics");
            GraphicsConsoleView view = Fx.await("the graphical console tab",
                    () -> (GraphicsConsoleView) window.view().lookup("#graphics-" + vm));
            Fx.await("connected", () -> view.picture() != null && !view.lookup("#graphics-placeholder").isVisible()
                    ? Boolean.TRUE : null, () -> ((javafx.scene.control.Label) view.lookup("#graphics-placeholder")).getText());
            String title = Fx.call(() -> ((Stage) view.getScene().getWindow()).getTitle());
            String id = xdotool("search", "--sync", "--name", "^" + title.replaceAll("[^A-Za-z0-9 ]", ".") + "$")
                    .lines().findFirst().orElseThrow();
            return new Duovirt(window, view, id);
        }

        /** Focuses the window and clicks the screen: the click grabs the keyboard for the guest, as a user does. */
        void focus() throws Exception {
            xdotool("windowfocus", "--sync", windowId);
            Node image = Fx.call(() -> view.lookup("#graphics-image"));
            double[] at = Fx.call(() -> {
                Bounds b = image.localToScreen(image.getBoundsInLocal());
                return new double[] {b.getMinX() + Math.min(40, b.getWidth() / 2), b.getMinY() + Math.min(40, b.getHeight() / 2)};
            });
            xdotool("mousemove", String.valueOf((int) at[0]), String.valueOf((int) at[1]), "click", "1");
            Fx.await("the keyboard grabbed", () -> view.lookup("#graphics-hint") instanceof javafx.scene.control.Label l
                    && l.getText().startsWith("Click") ? null : Boolean.TRUE);
        }

        void close() throws Exception {
            Fx.call(() -> {
                window.view().getScene().getWindow().hide();
                return null;
            });
        }
    }
}
