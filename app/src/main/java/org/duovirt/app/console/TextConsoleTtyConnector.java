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
    private final TextConsole console;
    private final String name;
    private final Reader fromGuest;
    private final Runnable onEnd;
    private final Consumer<TermSize> onResize;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    /**
     * {@code onEnd} runs once, on whichever thread first sees the guest side end or the console close;
     * {@code onResize} runs on the terminal's writer thread after the window settles on a new size.
     */
    TextConsoleTtyConnector(TextConsole console, String name, Runnable onEnd, Consumer<TermSize> onResize) {
        this.console = console;
        this.name = name;
        this.onEnd = onEnd;
        this.onResize = onResize;
        this.fromGuest = new InputStreamReader(console.fromGuest(), StandardCharsets.UTF_8);
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        try {
            int n = fromGuest.read(buf, offset, length);
            if (n < 0) {
                end();
            }
            return n;
        } catch (IOException e) {
            end();
            throw e;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (closed.getCount() == 0) {
            throw new IOException("The console of " + name + " is closed.");
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
        try {
            console.close();
        } catch (IOException | RuntimeException e) {
            // Already gone with the VM or the link: nothing left to release.
        }
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            onEnd.run();
        }
    }
}
