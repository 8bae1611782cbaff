package org.duovirt.app.console;

import java.nio.charset.StandardCharsets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.duovirt.app.ui.FxThread;

/**
 * A simple text terminal: the guest's output in a read-only text area; every key typed in it goes to
 * the guest (Enter as CR, Backspace as DEL, arrows as VT100 sequences).
 */
public final class ConsoleView extends BorderPane {
    private static final int MAX_CHARS = 200_000;
    private final TextArea area = new TextArea();
    private final StringBuilder shown = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private boolean flushQueued;

    public ConsoleView(ConsoleViewModel vm) {
        setId("console-" + vm.row().name());
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("console-area");
        area.setId("console-output");
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setStyle("-fx-padding: 4 8 4 8;");
        setCenter(area);
        setBottom(status);
        vm.setOutput(chunk -> queue(vm, chunk));
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (!ch.isEmpty() && ch != KeyEvent.CHAR_UNDEFINED && !e.isShortcutDown() || isControlChar(ch)) {
                vm.send(map(ch).getBytes(StandardCharsets.UTF_8));
            }
            e.consume();
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            String seq = switch (e.getCode()) {
                case UP -> "\u001b[A";
                case DOWN -> "\u001b[B";
                case RIGHT -> "\u001b[C";
                case LEFT -> "\u001b[D";
                case TAB -> "\t";
                default -> null;
            };
            if (seq != null) {
                vm.send(seq.getBytes(StandardCharsets.US_ASCII));
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.BACK_SPACE) {
                // handled by KEY_TYPED; keep the text area from moving the caret
                e.consume();
            }
        });
    }

    private static boolean isControlChar(String ch) {
        return ch.length() == 1 && ch.charAt(0) < 0x20 && ch.charAt(0) != 0;
    }

    private static String map(String ch) {
        return switch (ch) {
            case "\n", "\r" -> "\r";
            case "\b" -> "\u007f";
            default -> ch;
        };
    }

    /** A chatty guest sends many small chunks: coalesce them into one text change per FX queue burst. */
    private void queue(ConsoleViewModel vm, String chunk) {
        FxThread.check();
        pending.append(chunk);
        if (!flushQueued) {
            flushQueued = true;
            javafx.application.Platform.runLater(() -> {
                flushQueued = false;
                String text = pending.toString();
                pending.setLength(0);
                append(vm.plain(text, shown));
            });
        }
    }

    private void append(String text) {
        FxThread.check();
        if (text.isEmpty()) {
            return;
        }
        shown.append(text);
        if (shown.length() > MAX_CHARS) {
            shown.delete(0, shown.length() - MAX_CHARS / 2);
        }
        // Backspaces may have shortened the buffer: re-set when it no longer extends what is shown.
        if (area.getLength() + text.length() == shown.length()) {
            area.appendText(text);
        } else {
            area.setText(shown.toString());
            area.positionCaret(area.getLength());
        }
    }

    public void focusTerminal() {
        area.requestFocus();
    }
}
