package org.duovirt.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.TextConsole;

/**
 * A VM's text console: reads {@link TextConsole#fromGuest()} on its own thread and hands text to the
 * UI; keystrokes go to {@link TextConsole#toGuest()} on a writer thread, never blocking the UI.
 */
public final class ConsoleViewModel {
    private static final Logger LOG = Logger.getLogger(ConsoleViewModel.class.getName());
    private final TaskExecutor ui;
    private final VmRow row;
    private final SimpleBooleanProperty attached = new SimpleBooleanProperty();
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private final ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("console-writer"));
    private final TerminalText terminal = new TerminalText();
    private Consumer<String> output = s -> { };
    private volatile TextConsole console;

    public ConsoleViewModel(TaskExecutor ui, VmRow row) {
        this.ui = ui;
        this.row = row;
    }

    public VmRow row() {
        return row;
    }

    /** Where decoded text goes; called on the UI thread. The second argument of the view is the buffer. */
    public void setOutput(Consumer<String> output) {
        this.output = output;
    }

    public ReadOnlyBooleanProperty attachedProperty() {
        return attached;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public void open() {
        status.set(Messages.get("console.connecting", row.name()));
        row.host().call("Opening the console of " + row.name(), c -> c.openConsole(row.name()))
                .whenComplete((c, e) -> {
                    if (e != null) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        ui.ui(() -> status.set(cause instanceof DuovirtException d ? d.userMessage() : String.valueOf(cause)));
                        return;
                    }
                    console = c;
                    ui.ui(() -> {
                        attached.set(true);
                        status.set(Messages.get("console.attached", row.name()));
                    });
                    Thread reader = new Thread(() -> read(c.fromGuest()), "console-reader-" + row.name());
                    reader.setDaemon(true);
                    reader.start();
                });
    }

    private void read(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buf = new byte[8192];
        ByteBuffer bytes = ByteBuffer.allocate(16384);
        CharBuffer chars = CharBuffer.allocate(16384);
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes.put(buf, 0, n).flip();
                decoder.decode(bytes, chars, false);
                bytes.compact();
                chars.flip();
                String text = chars.toString();
                chars.clear();
                if (!text.isEmpty()) {
                    ui.ui(() -> output.accept(text));
                }
            }
        } catch (IOException e) {
            LOG.fine(() -> "Console of " + row.name() + " ended: " + e.getMessage());
        }
        ui.ui(() -> {
            attached.set(false);
            status.set(Messages.get("console.detached", row.name()));
        });
    }

    /** Filters escape sequences out of a chunk, for views that show plain text. */
    public String plain(String chunk, StringBuilder shown) {
        return terminal.feed(chunk, shown);
    }

    /** Sends typed bytes to the guest, off the UI thread. */
    public void send(byte[] data) {
        TextConsole c = console;
        if (c == null) {
            return;
        }
        writer.execute(() -> {
            try {
                OutputStream out = c.toGuest();
                out.write(data);
                out.flush();
            } catch (IOException e) {
                ui.ui(() -> status.set(Messages.get("console.write-failed", e.getMessage())));
            }
        });
    }

    public void close() {
        TextConsole c = console;
        console = null;
        writer.execute(() -> {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        });
        writer.shutdown();
    }
}
