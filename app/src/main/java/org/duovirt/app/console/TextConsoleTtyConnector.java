package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.duovirt.core.spi.TextConsole;

/**
 * Connects JediTermFX to a VM's {@link TextConsole}. The terminal's emulator thread reads here and its
 * writer thread writes here, so no console I/O ever runs on the JavaFX thread. Output is decoded as
 * UTF-8; a multi-byte character split across reads is joined by the reader, malformed bytes become U+FFFD.
 *
 * <p>The window size cannot reach the guest: a serial or virtio console (libvirt's console stream) and a
 * Xen PV console (two byte rings behind xenconsole) carry bytes only, no size. {@link #resize} therefore
 * only reports the size, so the view can tell the user what to set in the guest ({@code stty rows R cols C}).
 */
final class TextConsoleTtyConnector implements TtyConnector {
    /** Xenconsole's detach key: a stream that ends after the user typed it was ended on purpose. */
    private static final byte DETACH_KEY = 0x1d;
    private final String name;
    private final Reattach reattach;
    private volatile TextConsole console;
    private volatile Reader fromGuest;
    private volatile boolean detachTyped;
    private final Runnable onEnd;
    private final Consumer<TermSize> onResize;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * Opens the VM's console again after its stream ended by itself (an SSH channel dropped, xenconsole left
     * with the domain's old id after a reboot). Called on the terminal's reader thread; may wait.
     */
    @FunctionalInterface
    interface Reattach {
        /** @return the console again, or null when it is over (the VM stopped, the tab closed, too many tries) */
        TextConsole reattach();
    }

    /** A console that is not reattached when its stream ends. */
    TextConsoleTtyConnector(TextConsole console, String name, Runnable onEnd, Consumer<TermSize> onResize) {
        this(console, name, () -> null, onEnd, onResize);
    }

    /**
     * {@code onEnd} runs once, on whichever thread first sees the guest side end for good or the console close;
     * {@code onResize} runs on the terminal's writer thread after the window settles on a new size.
     */
    TextConsoleTtyConnector(TextConsole console, String name, Reattach reattach, Runnable onEnd, Consumer<TermSize> onResize) {
        this.name = name;
        this.reattach = reattach;
        this.onEnd = onEnd;
        this.onResize = onResize;
        use(console);
    }

    private void use(TextConsole next) {
        this.fromGuest = new InputStreamReader(next.fromGuest(), StandardCharsets.UTF_8);
        this.console = next;
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        while (true) {
            try {
                int n = fromGuest.read(buf, offset, length);
                if (n >= 0) {
                    return n;
                }
                if (!reattached()) {
                    end();
                    return n;
                }
            } catch (IOException e) {
                if (!reattached()) {
                    end();
                    throw e;
                }
            }
        }
    }

    /** The stream ended by itself: the terminal keeps its screen and goes on with the console opened again. */
    private boolean reattached() {
        if (closing.get() || detachTyped) {
            return false;
        }
        quietlyClose(console);
        TextConsole next = reattach.reattach();
        if (next == null) {
            return false;
        }
        synchronized (this) {
            if (!closing.get()) {
                use(next);
                return true;
            }
        }
        quietlyClose(next); // the tab closed while the console was being opened again
        return false;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (closed.getCount() == 0) {
            throw new IOException("The console of " + name + " is closed.");
        }
        for (byte b : bytes) {
            detachTyped |= b == DETACH_KEY;
        }
        OutputStream out = console.toGuest();
        out.write(bytes);
        out.flush();
    }

    @Override
    public void write(String string) throws IOException {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return closed.getCount() > 0;
    }

    /** Nothing to send (see the class comment): the size is only reported, for the status line. */
    @Override
    public void resize(TermSize termSize) {
        onResize.accept(termSize);
    }

    @Override
    public int waitFor() throws InterruptedException {
        closed.await();
        return 0;
    }

    @Override
    public boolean ready() throws IOException {
        return fromGuest.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    /** Detaches from the console (closing also ends a read blocked on it). Safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed.countDown();
        synchronized (this) {
            quietlyClose(console);
        }
        end();
    }

    /** Closes a console that may already be gone (or null), shared with {@link ConsoleReattacher}. */
    static void quietlyClose(TextConsole c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            // Already gone with the VM or the link: nothing left to release.
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
