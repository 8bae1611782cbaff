package org.duovirt.app.console;

import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Copy and paste through JavaFX's clipboard. JediTermFX's default handler uses AWT's clipboard, which
 * would start a second toolkit beside JavaFX; the terminal calls this from its key and menu handlers,
 * which run on the FX thread, where JavaFX's clipboard must be used.
 */
final class FxClipboardHandler implements TerminalCopyPasteHandler {
    @Override
    public void setContents(String text, boolean useSystemSelection) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public String getContents(boolean useSystemSelection) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }
}
