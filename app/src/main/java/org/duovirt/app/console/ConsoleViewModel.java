package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.TtyConnector;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;

/**
 * A VM's text console: attaches to it off the UI thread and hands the view a {@link TtyConnector} for its
 * terminal, which then does all reading and writing on its own threads. Tracks attached/detached for the
 * status line. A console whose stream ends by itself while the VM runs is opened again behind the same screen
 * ({@link ConsoleReattacher}).
 */
public final class ConsoleViewModel {
    private final TaskExecutor ui;
    private final VmRow row;
    private final SimpleBooleanProperty attached = new SimpleBooleanProperty();
    private final SimpleStringProperty status = new SimpleStringProperty("");
    private final SimpleStringProperty size = new SimpleStringProperty("");
    private final ConsoleReattacher reattacher;
    private Consumer<TtyConnector> onConnected = c -> { };
    private volatile TextConsoleTtyConnector connector;
    private volatile boolean closed;

    public ConsoleViewModel(TaskExecutor ui, VmRow row) {
        this.ui = ui;
        this.row = row;
        this.reattacher = new ConsoleReattacher(row, () -> closed, reattaching -> ui.ui(() -> status.set(
                Messages.get(reattaching ? "console.reattaching" : "console.attached", row.name()))));
    }

    public VmRow row() {
        return row;
    }

    /** Receives the connector, on the UI thread, once the console is attached. */
    public void setOnConnected(Consumer<TtyConnector> onConnected) {
        this.onConnected = onConnected;
    }

    public ReadOnlyBooleanProperty attachedProperty() {
        return attached;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The terminal's size as the guest would need to be told it, e.g. "80×24 (stty rows 24 cols 80)". */
    public ReadOnlyStringProperty sizeProperty() {
        return size;
    }

    /** The terminal now shows {@code columns} × {@code rows} cells; on the UI thread. */
    public void sized(int columns, int rows) {
        ui.assertUiThread();
        size.set(Messages.get("terminal.size", columns, rows));
    }

    public void open() {
        status.set(Messages.get("console.connecting", row.name()));
        row.host().call("Opening the console of " + row.name(), c -> c.openConsole(row.name()))
                .whenComplete((console, e) -> {
                    if (e != null) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        ui.ui(() -> status.set(cause instanceof DuovirtException d ? d.userMessage() : String.valueOf(cause)));
                        return;
                    }
                    TextConsoleTtyConnector c = new TextConsoleTtyConnector(console, row.name(), reattacher, this::ended,
                            s -> ui.ui(() -> sized(s.getColumns(), s.getRows())));
                    connector = c;
                    if (closed) {
                        // The tab was closed while the console was being opened: let go of it at once.
                        c.close();
                        return;
                    }
                    ui.ui(() -> {
                        attached.set(true);
                        status.set(Messages.get("console.attached", row.name()));
                        onConnected.accept(c);
                    });
                });
    }

    private void ended() {
        ui.ui(() -> {
            attached.set(false);
            status.set(Messages.get("console.detached", row.name()));
        });
    }

    /** Detaches, on a thread of its own: closing an SSH channel or a libvirt stream may wait on the host. */
    public void close() {
        closed = true;
        TextConsoleTtyConnector c = connector;
        if (c != null) {
            DaemonThreads.named("console-close-" + row.name()).newThread(c::close).start();
        }
    }
}
