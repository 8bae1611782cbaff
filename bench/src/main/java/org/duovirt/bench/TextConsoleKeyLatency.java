package org.duovirt.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.duovirt.app.Messages;
import org.duovirt.app.console.ConsoleView;
import org.duovirt.app.main.MainWindow;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.TextConsole;

/**
 * Key press → the guest's echo in Duovirt's text console, on the tiny serial guest (testing/guest/build: its
 * tty echoes every key as it is typed). Two paths in one run, each over N keys after 10 warm-up keys:
 * <ol>
 *   <li><b>stream</b>: one byte written to the VM's console stream (SPI {@code openConsole}, libvirt's console
 *       stream) → the same byte read back: the floor set by libvirt, QEMU and the TCG guest;</li>
 *   <li><b>terminal</b>: the real main window on the same host, the console tab opened from the toolbar; a key
 *       press/typed/release posted to the JavaFX thread at the terminal (as the toolkit delivers a key) → the
 *       echoed character in the terminal's text buffer (JediTermFX parsed it; it is painted on the next pulse,
 *       at most one frame, 16.7 ms, later).</li>
 * </ol>
 * Needs a display (xvfb-run). {@code bench/console-key-latency} boots the guest and runs both, stream first (it
 * waits for the guest's echo loop):
 * {@code java -cp "bench/target/duovirt-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.duovirt.bench.TextConsoleKeyLatency URI VM N stream|terminal}
 */
public final class TextConsoleKeyLatency {
    private static final int WARM_UP = 10;
    private static final long TIMEOUT_NS = Duration.ofSeconds(10).toNanos();

    private TextConsoleKeyLatency() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String vm = args[1];
        int keys = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        // One path per JVM (args[3] = stream | terminal): a libvirt connection opened and closed before the
        // JavaFX toolkit starts left the later window's host session failing a thread check.
        String path = args.length > 3 ? args[3] : "stream";
        if (path.equals("stream")) {
            System.out.println("stream   " + summary(streamPath(uri, vm, keys)));
            System.exit(0);
        }
        System.out.println("terminal " + summary(terminalPath(uri, vm, keys)));
        Platform.exit();
        System.exit(0);
    }

    /** Bytes straight on the console stream: write 'x', wait for the guest's echo of it. */
    static List<Double> streamPath(String uri, String vm, int keys) throws Exception {
        StringBuffer serial = new StringBuffer();
        try (HostConnection host = Backends.installed().connect(uri); TextConsole console = host.openConsole(vm)) {
            Thread reader = new Thread(() -> {
                byte[] b = new byte[4096];
                try (InputStream in = console.fromGuest()) {
                    int n;
                    while ((n = in.read(b)) > 0) {
                        serial.append(new String(b, 0, n, StandardCharsets.ISO_8859_1));
                    }
                } catch (Exception e) {
                    // the console closes at the end
                }
            }, "serial");
            reader.setDaemon(true);
            reader.start();
            OutputStream out = console.toGuest();
            // Boot output (with its x86_64s) is over once the guest's echo loop answers an empty line.
            long ready = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (serial.indexOf("guest heard: ") < 0) {
                if (System.nanoTime() > ready) {
                    throw new IllegalStateException("the guest's echo loop did not answer within 3 minutes");
                }
                out.write('\r');
                out.flush();
                Thread.sleep(2000);
            }
            Thread.sleep(1000);
            return measure(keys, () -> count(serial.toString()), () -> {
                out.write('x');
                out.flush();
            }, () -> {
                out.write('\r');
                out.flush();
            });
        }
    }

    /** The real window: the console tab from the toolbar, keys posted to the terminal on the FX thread. */
    static List<Double> terminalPath(String uri, String vm, int keys) throws Exception {
        Messages.use(Locale.ENGLISH);
        MainWindow window = BenchWindow.openOn(uri, vm, "tool-console");
        ConsoleView view = Fx.await("the console tab", () -> (ConsoleView) window.view().lookup("#console-" + vm));
        Fx.await("attached", () -> ((javafx.scene.control.Label) view.lookup("#console-status")).getText()
                .startsWith("Attached") ? Boolean.TRUE : null);
        Fx.call(() -> {
            view.focusTerminal();
            return null;
        });
        Thread.sleep(1000);
        Node target = Fx.call(() -> view.getScene().getFocusOwner());
        try {
            return measure(keys, () -> count(Fx.call(view::text)), () -> type(target, "x", KeyCode.X),
                    () -> type(target, "\r", KeyCode.ENTER));
        } finally {
            Fx.call(() -> {
                window.view().getScene().getWindow().hide(); // closes the tabs: the terminal is disposed
                return null;
            });
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /**
     * Times {@code keys} key → echo rounds (after warm-up); a line ends every 40 keys (Enter, then the guest's
     * "guest heard: …" reply settles before the next key, untimed).
     */
    private static List<Double> measure(int keys, Supplier<Integer> echoes, Action key, Action enter) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < keys + WARM_UP; i++) {
            if (i > 0 && i % 40 == 0) {
                enter.run();
                Thread.sleep(1500);
            }
            int before = echoes.get();
            long t0 = System.nanoTime();
            key.run();
            while (echoes.get() <= before) {
                if (System.nanoTime() - t0 > TIMEOUT_NS) {
                    throw new IllegalStateException("no echo within 10 s at key " + i);
                }
                LockSupport.parkNanos(100_000);
            }
            long t1 = System.nanoTime();
            if (i >= WARM_UP) {
                millis.add((t1 - t0) / 1e6);
            }
            Thread.sleep(30 + (i * 7) % 40); // not in step with the guest's timer or the FX pulse
        }
        return millis;
    }

    private static void type(Node target, String text, KeyCode code) {
        Platform.runLater(() -> {
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", text, code, false, false, false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, text, "", KeyCode.UNDEFINED, false, false, false, false));
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_RELEASED, "", text, code, false, false, false, false));
        });
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == 'x' ? 1 : 0;
        }
        return n;
    }

    static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "keys %d  p50 %.1f ms  p95 %.1f ms  min %.1f ms  max %.1f ms  mean %.1f ms",
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.stream().mapToDouble(d -> d).average().orElse(0));
    }
}
