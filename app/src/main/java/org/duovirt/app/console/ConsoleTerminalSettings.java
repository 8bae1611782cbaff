package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.duovirt.app.Messages;

/**
 * How a VM's text console looks and which keys the terminal keeps for itself. Light grey on near-black
 * like a physical console, in both themes (a guest's colour choices assume a dark screen). Only
 * Ctrl+Shift combinations are taken, so Ctrl+L, Ctrl+F, Ctrl+C reach the guest's programs.
 */
final class ConsoleTerminalSettings extends DefaultSettingsProvider {
    static final TerminalColor FOREGROUND = TerminalColor.rgb(0xd0, 0xd0, 0xd0);
    static final TerminalColor BACKGROUND = TerminalColor.rgb(0x16, 0x16, 0x16);
    /** Scrollback kept per console, in lines. */
    static final int SCROLLBACK_LINES = 5000;

    @Override
    public TerminalColor getDefaultForeground() {
        return FOREGROUND;
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return BACKGROUND;
    }

    /** JediTermFX 1.0 still seeds its style state from this deprecated method, so both must agree. */
    @Override
    @SuppressWarnings("deprecation")
    public TextStyle getDefaultStyle() {
        return new TextStyle(FOREGROUND, BACKGROUND);
    }

    @Override
    public int getBufferMaxLinesCount() {
        return SCROLLBACK_LINES;
    }

    @Override
    public boolean audibleBell() {
        return false;
    }

    @Override
    public TerminalActionPresentation getCopyActionPresentation() {
        return action("terminal.copy", KeyCode.C);
    }

    @Override
    public TerminalActionPresentation getPasteActionPresentation() {
        return action("terminal.paste", KeyCode.V);
    }

    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return action("terminal.clear", KeyCode.K);
    }

    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return action("terminal.find", KeyCode.F);
    }

    @Override
    public TerminalActionPresentation getSelectAllActionPresentation() {
        return action("terminal.select-all", KeyCode.A);
    }

    @Override
    public TerminalActionPresentation getOpenUrlActionPresentation() {
        return new TerminalActionPresentation(Messages.get("terminal.open-url"), java.util.List.of());
    }

    private static TerminalActionPresentation action(String key, KeyCode code) {
        return new TerminalActionPresentation(Messages.get(key),
                new KeyCodeCombination(code, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
    }
}
