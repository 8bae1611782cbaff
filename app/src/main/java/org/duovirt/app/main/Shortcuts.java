package org.duovirt.app.main;

import java.util.Map;
import javafx.scene.input.KeyCombination;

/** The keyboard shortcuts, in one place so menus (which show them) and docs agree. */
public final class Shortcuts {
    private static final Map<VmAction, String> ACTIONS = Map.of(
            VmAction.START, "Shortcut+Shift+S",
            VmAction.SHUTDOWN, "Shortcut+Shift+D",
            VmAction.REBOOT, "Shortcut+Shift+R",
            VmAction.FORCE_OFF, "Shortcut+Shift+F",
            VmAction.SAVE, "Shortcut+Shift+M",
            VmAction.PAUSE, "Shortcut+Shift+P",
            VmAction.RESUME, "Shortcut+Shift+U",
            VmAction.CONSOLE, "Shortcut+Shift+O",
            VmAction.DETAILS, "Shortcut+I",
            VmAction.DELETE, "Shortcut+Delete");
    public static final KeyCombination NEW_VM = KeyCombination.valueOf("Shortcut+N");
    public static final KeyCombination ADD_CONNECTION = KeyCombination.valueOf("Shortcut+Shift+A");
    public static final KeyCombination FIND = KeyCombination.valueOf("Shortcut+F");
    public static final KeyCombination DARK_THEME = KeyCombination.valueOf("Shortcut+Shift+T");
    public static final KeyCombination CLOSE_TAB = KeyCombination.valueOf("Shortcut+W");
    public static final KeyCombination QUIT = KeyCombination.valueOf("Shortcut+Q");

    private Shortcuts() {
    }

    public static KeyCombination of(VmAction action) {
        return KeyCombination.valueOf(ACTIONS.get(action));
    }
}
