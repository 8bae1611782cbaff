package org.duovirt.app.console;

/**
 * Turns raw console output into plain text for a simple text view: drops ANSI/VT100 escape
 * sequences and carriage returns, applies backspaces. Stateful across chunks (a sequence may be split).
 */
final class TerminalText {
    private enum Mode { TEXT, ESC, CSI, OSC }

    private Mode mode = Mode.TEXT;

    /** The printable text of the next chunk; a backspace removes one char from {@code out}'s end. */
    String feed(String chunk, StringBuilder out) {
        StringBuilder b = new StringBuilder(chunk.length());
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            switch (mode) {
                case TEXT -> {
                    if (c == 0x1b) {
                        mode = Mode.ESC;
                    } else if (c == '\b') {
                        if (b.length() > 0) {
                            b.setLength(b.length() - 1);
                        } else if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                            out.setLength(out.length() - 1);
                        }
                    } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f) {
                        b.append(c);
                    }
                }
                case ESC -> mode = c == '[' ? Mode.CSI : c == ']' ? Mode.OSC : Mode.TEXT;
                case CSI -> {
                    if (c >= 0x40 && c <= 0x7e) {
                        mode = Mode.TEXT;
                    }
                }
                case OSC -> {
                    if (c == 0x07) {
                        mode = Mode.TEXT;
                    }
                }
            }
        }
        return b.toString();
    }
}
