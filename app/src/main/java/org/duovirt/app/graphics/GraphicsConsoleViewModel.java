package org.duovirt.app.graphics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.rfb.Key;
import org.duovirt.core.rfb.KeyTyper;
import org.duovirt.core.rfb.PngWriter;
import org.duovirt.core.rfb.RfbClient;

/**
 * A VM's graphical console: keeps an RFB session open on its own thread, reconnecting by itself when the
 * guest reboots or the VM starts again; input goes out on a writer thread, so the UI never touches a socket.
 * State is exposed as read-only properties set on the UI thread.
 */
public final class GraphicsConsoleViewModel {
    private static final Logger LOG = Logger.getLogger(GraphicsConsoleViewModel.class.getName());
    private static final long RETRY_MS = 2000;
    private final TaskExecutor ui;
    private final String uri;
    private final String vm;
    private final ChannelSource source;
    private final ScalingStore scalings;
    private final ScreenBuffer screen = new ScreenBuffer();
    private final ExecutorService input;
    private final SimpleObjectProperty<ConsoleState> state = new SimpleObjectProperty<>(ConsoleState.CONNECTING);
    private final SimpleStringProperty message = new SimpleStringProperty("");
    private final SimpleObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(Scaling.FIT);
    private final SimpleBooleanProperty grabbed = new SimpleBooleanProperty();
    private final Object wake = new Object();
    private volatile RfbClient client;
    private volatile boolean closed;
    private volatile boolean running = true;
    private volatile Runnable onFrame = () -> { };
    private Thread loop;

    public GraphicsConsoleViewModel(TaskExecutor ui, String uri, String vm, ChannelSource source, ScalingStore scalings) {
        this.ui = ui;
        this.uri = uri;
        this.vm = vm;
        this.source = source;
        this.scalings = scalings;
        this.input = Executors.newSingleThreadExecutor(DaemonThreads.named("vnc-input-" + vm));
        scaling.set(scalings.get(uri, vm));
        scaling.addListener((o, was, now) -> scalings.put(uri, vm, now));
    }

    public String vmName() {
        return vm;
    }

    public ReadOnlyObjectProperty<ConsoleState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Writable: the view's fit / 1:1 toggle sets it; it is remembered per VM. */
    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    public ReadOnlyBooleanProperty grabbedProperty() {
        return grabbed;
    }

    public ScreenBuffer screen() {
        return screen;
    }

    /** Called on the reading thread after each applied update; the view schedules a redraw. */
    public void setOnFrame(Runnable onFrame) {
        this.onFrame = onFrame;
    }

    /** Starts the session loop. */
    public void open() {
        loop = new Thread(this::sessionLoop, "vnc-session-" + vm);
        loop.setDaemon(true);
        loop.start();
    }

    /** The VM's state as the host list knows it: a start wakes the loop at once instead of at the next retry. */
    public void vmRunning(boolean isRunning) {
        running = isRunning;
        if (isRunning) {
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    public void grab() {
        ui.assertUiThread();
        grabbed.set(true);
    }

    public void release() {
        ui.assertUiThread();
        grabbed.set(false);
    }

    /** A key of the host keyboard; sent only while the keyboard is grabbed. */
    public void key(Key key, boolean down) {
        if (key != null && grabbed.get()) {
            send(c -> c.key(key.keysym(), key.xtScancode(), down));
        }
    }

    /** Pointer in guest pixels with the RFB button mask. */
    public void pointer(int x, int y, int buttons) {
        send(c -> c.pointer(x, y, buttons));
    }

    public void sendKey(SendKey combo) {
        send(c -> new KeyTyper(c).chord(combo.keys().toArray(Key[]::new)));
    }

    public List<SendKey> sendKeyMenu() {
        return SendKey.menu();
    }

    /** Types the text as key presses (US layout), as if typed on the guest's keyboard. */
    public void typeText(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        send(c -> new KeyTyper(c).type(text));
    }

    /** Saves what the tab shows as a PNG, off the UI thread; the message says where it went. */
    public void screenshot(Path file) {
        int[] size = new int[2];
        int[] pixels = screen.snapshot(size);
        input.execute(() -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                PngWriter.write(out, size[0], size[1], pixels);
                ui.ui(() -> message.set(Messages.get("graphics.screenshot-saved", file)));
            } catch (IOException e) {
                ui.ui(() -> message.set(Messages.get("graphics.screenshot-failed", file, e.getMessage())));
            }
        });
    }

    public void close() {
        closed = true;
        RfbClient c = client;
        if (c != null) {
            c.close();
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        input.shutdown();
    }

    private interface ClientAction {
        void run(RfbClient c);
    }

    private void send(ClientAction action) {
        RfbClient c = client;
        if (c == null || closed) {
            return;
        }
        input.execute(() -> {
            try {
                action.run(c);
            } catch (DuovirtException e) {
                LOG.fine(() -> "Input to " + vm + " dropped: " + e.getMessage());
            }
        });
    }

    private void sessionLoop() {
        while (!closed) {
            try (var channel = source.open()) {
                show(ConsoleState.CONNECTING, Messages.get("graphics.connecting", vm));
                String pw = channel.endpoint().password();
                ScreenListener listener = new ScreenListener(screen, () -> onFrame.run());
                RfbClient c = RfbClient.connect(channel.fromServer(), channel.toServer(),
                        pw == null ? null : pw::toCharArray, listener);
                listener.attach(c.framebuffer());
                client = c;
                show(ConsoleState.CONNECTED, Messages.get("graphics.connected", vm, channel.route()));
                c.run();
                show(ConsoleState.CONNECTING, Messages.get("graphics.reconnecting", vm));
            } catch (ChannelSource.SpiceOnly e) {
                try {
                    RemoteViewer.launch(vm, e.endpoint());
                    show(ConsoleState.SPICE, Messages.get("graphics.spice-launched", vm));
                } catch (DuovirtException notInstalled) {
                    show(ConsoleState.SPICE, notInstalled.userMessage());
                }
                return;
            } catch (DuovirtException e) {
                if (closed) {
                    return;
                }
                show(running ? ConsoleState.FAILED : ConsoleState.OFF,
                        running ? e.userMessage() : Messages.get("graphics.off", vm));
            } catch (IOException e) {
                LOG.fine(() -> "Closing the console channel of " + vm + ": " + e.getMessage());
            } finally {
                client = null;
            }
            pause();
        }
    }

    private void pause() {
        synchronized (wake) {
            if (!closed) {
                try {
                    wake.wait(RETRY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private void show(ConsoleState s, String text) {
        if (!closed) {
            ui.ui(() -> {
                state.set(s);
                message.set(text);
            });
        }
    }
}
