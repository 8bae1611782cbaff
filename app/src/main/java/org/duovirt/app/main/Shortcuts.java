package org.duovirt.app.main;

import java.util.Map;
import javafx.scene.input.KeyCombination;

/** The keyboard shortcuts, in one place so menus (which show them) and docs agree. */
public final class Shortcuts {
    private static final Map<VmAction, String> ACTIONS = Map.ofEntries(
            Map.entry(VmAction.START, "Shortcut+Shift+S"),
            Map.entry(VmAction.SHUTDOWN, "Shortcut+Shift+D"),
            Map.entry(VmAction.REBOOT, "Shortcut+Shift+R"),
            Map.entry(VmAction.FORCE_OFF, "Shortcut+Shift+F"),
            Map.entry(VmAction.SAVE, "Shortcut+Shift+M"),
            Map.entry(VmAction.PAUSE, "Shortcut+Shift+P"),
            Map.entry(VmAction.RESUME, "Shortcut+Shift+U"),
            Map.entry(VmAction.CONSOLE, "Shortcut+Shift+O"),
            Map.entry(VmAction.GRAPHICS, "Shortcut+Shift+G"),
            Map.entry(VmAction.DETAILS, "Shortcut+I"),
            Map.entry(VmAction.PERFORMANCE, "Shortcut+Shift+E"),
            Map.entry(VmAction.PINNING, "Shortcut+Shift+C"),
            Map.entry(VmAction.DELETE, "Shortcut+Delete"));
    public static final KeyCombination NEW_VM = KeyCombination.valueOf("Shortcut+N");
    public static final KeyCombination ADD_CONNECTION = KeyCombination.valueOf("Shortcut+Shift+A");
    public static final KeyCombination FIND = KeyCombination.valueOf("Shortcut+F");
    public static final KeyCombination DARK_THEME = KeyCombination.valueOf("Shortcut+Shift+T");
    /** From a VM's graphical console tab to its text console and back (View › Switch Console). */
    public static final KeyCombination SWITCH_CONSOLE = KeyCombination.valueOf("Shortcut+Shift+X");
    public static final KeyCombination CLOSE_TAB = KeyCombination.valueOf("Shortcut+W");
    public static final KeyCombination QUIT = KeyCombination.valueOf("Shortcut+Q");

    private Shortcuts() {
    }

    public static KeyCombination of(VmAction action) {
        return KeyCombination.valueOf(ACTIONS.get(action));
    }
}
