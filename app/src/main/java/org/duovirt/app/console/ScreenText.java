package org.duovirt.app.console;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

/** Reads a terminal's text buffer as plain text (for tests, and for whoever wants to know what is shown). */
final class ScreenText {
    private ScreenText() {
    }

    /** The scrollback then the screen, one line per row, trailing blanks trimmed. */
    static String of(TerminalTextBuffer buffer) {
        return lines(buffer, -buffer.getHistoryLinesCount());
    }

    /** The visible screen only, one line per row, trailing blanks trimmed. */
    static String screen(TerminalTextBuffer buffer) {
        return lines(buffer, 0);
    }

    private static String lines(TerminalTextBuffer buffer, int fromRow) {
        buffer.lock();
        try {
            StringBuilder text = new StringBuilder();
            int first = Math.max(fromRow, -buffer.getHistoryLinesCount());
            for (int row = first; row < buffer.getHeight(); row++) {
                text.append(buffer.getLine(row).getText().stripTrailing()).append('\n');
            }
            return text.toString();
        } finally {
            buffer.unlock();
        }
    }
}
