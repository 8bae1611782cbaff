package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.TerminalStarter;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import javafx.scene.Node;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * JediTermFX's xterm emulator with Duovirt's settings and JavaFX's clipboard. Guest output is parsed on
 * the widget's own emulator thread into {@link TerminalTextBuffer}; the panel repaints it on the FX thread.
 */
final class ConsoleTerminal extends JediTermFxWidget {
    private KeyCombination windowShortcut;
    private Runnable windowAction;

    ConsoleTerminal() {
        super(80, 24, new ConsoleTerminalSettings());
        // On the canvas's parent, so it runs before JediTermFX's own filter on the canvas.
        getTerminalPanel().getCanvas().getParent().addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        getTerminalPanel().getCanvas().getParent().addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
    }

    /**
     * A window shortcut the terminal must not swallow (JediTermFX consumes every key press it sees, so the
     * window's accelerator would never fire): on {@code shortcut} the terminal runs {@code action} itself.
     */
    void setWindowShortcut(KeyCombination shortcut, Runnable action) {
        this.windowShortcut = shortcut;
        this.windowAction = action;
    }

    /**
     * Ctrl+Shift+key is Duovirt's (copy, paste, switch console), never the guest's: its typed character is
     * dropped, so a shortcut pressed just before the terminal got the keyboard does not reach the guest as a
     * control byte (or, before the console is attached, as JediTermFX's NullPointerException).
     */
    private void keyTyped(KeyEvent e) {
        if (e.isControlDown() && e.isShiftDown()) {
            e.consume();
        }
    }

    /**
     * JediTermFX 1.0 sends a NUL for a bare modifier press (Ctrl, Shift: their key text is empty, which it
     * takes for a control character), and leaves Ctrl+letter to the key typed event, where JavaFX does not
     * always deliver a control character. Both are settled here, before the event reaches the canvas.
     */
    private void keyPressed(KeyEvent e) {
        if (e.getCode().isModifierKey()) {
            e.consume();
            return;
        }
        if (windowShortcut != null && windowShortcut.match(e)) {
            e.consume();
            windowAction.run();
            return;
        }
        int code = ControlKeys.code(e);
        TerminalStarter starter = getTerminalStarter();
        if (code >= 0 && starter != null) {
            starter.sendBytes(new byte[] {(byte) code}, true);
            e.consume();
        }
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settings, StyleState style, TerminalTextBuffer buffer) {
        return new TerminalPanel(settings, buffer, style) {
            @Override
            protected TerminalCopyPasteHandler createCopyPasteHandler() {
                return new FxClipboardHandler();
            }
        };
    }

    /** The node that takes the keyboard (the panel's canvas). */
    Node keyboardTarget() {
        return getTerminalPanel().getCanvas();
    }

    /** Scrollback and screen as plain text, one line per row, trailing blanks trimmed. */
    String text() {
        return ScreenText.of(getTerminalTextBuffer());
    }
}
