package org.duovirt.app.graphics;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.rfb.Key;

/** The Send Key menu: combinations a host keyboard would not pass to the guest. */
public record SendKey(String label, List<Key> keys) {
    public static List<SendKey> menu() {
        List<SendKey> out = new ArrayList<>();
        out.add(new SendKey("Ctrl+Alt+Del", List.of(Key.CONTROL, Key.ALT, Key.DELETE)));
        out.add(new SendKey("Ctrl+Alt+Backspace", List.of(Key.CONTROL, Key.ALT, Key.BACK_SPACE)));
        Key[] f = {Key.F1, Key.F2, Key.F3, Key.F4, Key.F5, Key.F6, Key.F7, Key.F8, Key.F9, Key.F10, Key.F11, Key.F12};
        for (int i = 0; i < f.length; i++) {
            out.add(new SendKey("Ctrl+Alt+F" + (i + 1), List.of(Key.CONTROL, Key.ALT, f[i])));
        }
        out.add(new SendKey("PrintScreen", List.of(Key.PRINTSCREEN)));
        out.add(new SendKey("Alt+SysRq", List.of(Key.ALT, Key.PRINTSCREEN)));
        out.add(new SendKey("Alt+Tab", List.of(Key.ALT, Key.TAB)));
        out.add(new SendKey("Super", List.of(Key.WINDOWS)));
        return List.copyOf(out);
    }
}
