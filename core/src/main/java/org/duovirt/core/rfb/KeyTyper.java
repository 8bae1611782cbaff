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

    /** QEMU's PS/2 keyboard queues only 16 scancode bytes: a guest slow to read them (TCG under load) loses keys. */
    private static final long DEFAULT_PACE_MS = 25;
    private final RfbClient client;
    private final long paceMillis;
    private int sent;

    public KeyTyper(RfbClient client) {
        this(client, DEFAULT_PACE_MS);
    }

    /** @param paceMillis pause after each typed character (0 for none) */
    public KeyTyper(RfbClient client, long paceMillis) {
        this.client = client;
        this.paceMillis = paceMillis;
    }

    /** How many key events this typer has sent. */
    public int eventsSent() {
        return sent;
    }

    /**
     * How long to keep the session open after the last event: QEMU plays key events into the guest through a
     * queue with a short delay between them, and drops what is still queued when the viewer disconnects.
     */
    public long drainMillis() {
        return 300 + 10L * sent;
    }

    /** Presses and releases every character; newlines become Enter, tabs Tab. */
    public void type(String text) {
        text.codePoints().forEach(c -> {
            typeCodePoint(c);
            pace();
        });
    }

    /** Presses the keys in order, then releases them in reverse (Ctrl+Alt+Del and friends). */
    public void chord(Key... keys) {
        for (Key k : keys) {
            press(k.keysym(), k.xtScancode(), true);
        }
        for (int i = keys.length - 1; i >= 0; i--) {
            press(keys[i].keysym(), keys[i].xtScancode(), false);
        }
    }

    private void pace() {
        if (paceMillis > 0) {
            try {
                Thread.sleep(paceMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void press(int keysym, int xt, boolean down) {
        client.key(keysym, xt, down);
        sent++;
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
            press(Key.SHIFT.keysym(), Key.SHIFT.xtScancode(), true);
            press(c, base.xtScancode(), true);
            press(c, base.xtScancode(), false);
            press(Key.SHIFT.keysym(), Key.SHIFT.xtScancode(), false);
            return;
        }
        Key key = c < 0x80 ? KEYS.get((char) c) : null;
        int keysym = c < 0x100 ? c : 0x01000000 | c;
        press(keysym, key == null ? 0 : key.xtScancode(), true);
        press(keysym, key == null ? 0 : key.xtScancode(), false);
    }
}
