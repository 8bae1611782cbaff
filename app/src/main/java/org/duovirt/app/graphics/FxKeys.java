package org.duovirt.app.graphics;

import javafx.scene.input.KeyCode;
import org.duovirt.core.rfb.Key;

/** JavaFX key codes to PC keys: the names are the same, and the few that differ are listed here. */
final class FxKeys {
    private FxKeys() {
    }

    static Key of(KeyCode code) {
        return switch (code) {
            case META, COMMAND -> Key.WINDOWS;
            case NUMPAD0 -> Key.NUMPAD0;
            case SEPARATOR -> Key.DECIMAL;
            case UNDEFINED -> null;
            default -> Key.named(code.name());
        };
    }
}
