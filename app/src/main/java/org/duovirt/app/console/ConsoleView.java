package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.duovirt.app.Messages;

/**
 * A VM's text console in a tab: a real xterm-compatible terminal (JediTermFX: colours, cursor addressing,
 * scrollback, selection, copy with Ctrl+Shift+C and paste with Ctrl+Shift+V) over the VM's console
 * stream, with a status line below.
 */
public final class ConsoleView extends BorderPane {
    /** Style class of the terminal area, for the themes. */
    public static final String TERMINAL_STYLE = "console-terminal";
    private final ConsoleTerminal terminal = new ConsoleTerminal();
    private final javafx.scene.control.Button switchConsole = new javafx.scene.control.Button(
            Messages.get("console-switch.to-graphics"));
    private boolean disposed;

    public ConsoleView(ConsoleViewModel vm) {
        setId("console-" + vm.row().name());
        Node pane = terminal.getPane();
        pane.setId("console-output");
        pane.getStyleClass().add(TERMINAL_STYLE);
        Label status = new Label();
        status.setId("console-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setStyle("-fx-padding: 4 8 4 8;");
        Label size = new Label();
        size.setId("console-size");
        size.textProperty().bind(vm.sizeProperty());
        size.setTooltip(new Tooltip(Messages.get("terminal.no-size")));
        size.setStyle("-fx-padding: 4 8 4 8;");
        size.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        setCenter(pane);
        switchConsole.setId("console-switch-console");
        switchConsole.setTooltip(new Tooltip());
        switchConsole.setMinWidth(Region.USE_PREF_SIZE);
        switchConsole.setFocusTraversable(false); // the keyboard stays with the terminal
        setOnSwitch(null, KeyCombination.NO_MATCH);
        HBox bottom = new HBox(status, size, switchConsole);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(bottom);
        vm.setOnConnected(connector -> {
            terminal.setTtyConnector(connector);
            terminal.start();
            TerminalTextBuffer buffer = terminal.getTerminalTextBuffer();
            vm.sized(buffer.getWidth(), buffer.getHeight());
        });
    }

    /**
     * Shows "Graphical Console" below the terminal, running {@code action}, also on {@code shortcut} (the
     * terminal takes every other key for the guest); a null action hides it.
     */
    public void setOnSwitch(Runnable action, KeyCombination shortcut) {
        switchConsole.getTooltip().setText(Messages.get("console-switch.tooltip", shortcut.getDisplayText()));
        switchConsole.setVisible(action != null);
        switchConsole.setManaged(action != null);
        switchConsole.setOnAction(action == null ? null : e -> action.run());
        terminal.setWindowShortcut(action == null ? null : shortcut, action);
    }

    /** Gives the terminal the keyboard. */
    public void focusTerminal() {
        terminal.keyboardTarget().requestFocus();
    }

    /** Everything the terminal holds, scrollback then screen, as plain text (one line per row). */
    public String text() {
        return terminal.text();
    }

    /** Only the visible screen, as plain text (one line per row). */
    public String screenText() {
        return ScreenText.screen(terminal.getTerminalTextBuffer());
    }

    /** Columns the terminal shows now. */
    public int columns() {
        return terminal.getTerminalTextBuffer().getWidth();
    }

    /** Rows the terminal shows now. */
    public int rows() {
        return terminal.getTerminalTextBuffer().getHeight();
    }

    /** Whether {@link #dispose()} ran: the terminal's threads and repaint timer are stopped. */
    public boolean isDisposed() {
        return disposed;
    }

    /** Stops the terminal's threads; the view model detaches from the console. */
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        terminal.close();
    }
}
