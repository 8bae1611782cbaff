package org.duovirt.core.rfb;

import java.util.HashMap;
import java.util.Map;

/**
 * Types text into the guest as key presses on a US layout (the guest's default), pressing Shift for
 * shifted characters; characters with no US key go as bare keysyms and the server maps them if it can.
 */
public final class KeyTyper {
    private static final String UNSHIFTED = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./ ";
    private static final String SHIFTED = "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>? ";
    private static final Map<Character, Key> KEYS = new HashMap<>();

    static {
        for (Key k : Key.values()) {
            if (k.keysym() >= 0x20 && k.keysym() < 0x7f) {
                KEYS.put((char) k.keysym(), k);
            }
        }
    }

    private final RfbClient client;

    public KeyTyper(RfbClient client) {
        this.client = client;
    }

    /** Presses and releases every character; newlines become Enter, tabs Tab. */
    public void type(String text) {
        text.codePoints().forEach(this::typeCodePoint);
    }

    /** Presses the keys in order, then releases them in reverse (Ctrl+Alt+Del and friends). */
    public void chord(Key... keys) {
        for (Key k : keys) {
            client.key(k.keysym(), k.xtScancode(), true);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            client.key(keys[i].keysym(), keys[i].xtScancode(), false);
        }
    }

    private void typeCodePoint(int c) {
        if (c == '\n' || c == '\r') {
            chord(Key.ENTER);
            return;
        }
        if (c == '\t') {
            chord(Key.TAB);
            return;
        }
        int shifted = c < 0x80 ? SHIFTED.indexOf(c) : -1;
        if (shifted >= 0 && c != ' ') {
            Key base = KEYS.get(UNSHIFTED.charAt(shifted));
            client.key(Key.SHIFT.keysym(), Key.SHIFT.xtScancode(), true);
            client.key(c, base.xtScancode(), true);
            client.key(c, base.xtScancode(), false);
            client.key(Key.SHIFT.keysym(), Key.SHIFT.xtScancode(), false);
            return;
        }
        Key key = c < 0x80 ? KEYS.get((char) c) : null;
        int keysym = c < 0x100 ? c : 0x01000000 | c;
        client.key(keysym, key == null ? 0 : key.xtScancode(), true);
        client.key(keysym, key == null ? 0 : key.xtScancode(), false);
    }
}
