package org.duovirt.app.console;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Ctrl+letter (and Ctrl+[ \ ]) as the control byte a terminal sends. Handled and consumed on key press, so
 * the press never reaches the window's menu shortcuts (Ctrl+W would close the tab instead of erasing a
 * word in the guest, Ctrl+Q would quit).
 */
final class ControlKeys {
    private ControlKeys() {
    }

    /** The byte for a plain Ctrl+key press, or -1 when the key is not a control key. */
    static int code(KeyEvent e) {
        if (!e.isControlDown() || e.isShiftDown() || e.isAltDown() || e.isMetaDown()) {
            return -1;
        }
        return code(e.getCode());
    }

    static int code(KeyCode key) {
        if (key.isLetterKey() && key.getCode() >= 'A' && key.getCode() <= 'Z') {
            return key.getCode() - 'A' + 1;
        }
        return switch (key) {
            case OPEN_BRACKET -> 0x1b;
            case BACK_SLASH -> 0x1c;
            case CLOSE_BRACKET -> 0x1d;
            default -> -1;
        };
    }
}
