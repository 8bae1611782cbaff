package org.duovirt.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's terminal draws what an xterm program sends: an escape-sequence stream through a real pipe
 * moves the cursor, paints colours and clears, and the screen buffer and the drawn pixels show it.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleTerminalTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final StreamConsoles.Piped pipe = StreamConsoles.piped();
    private ConsoleTerminal terminal;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.ENGLISH);
        terminal = new ConsoleTerminal();
        terminal.setTtyConnector(new TextConsoleTtyConnector(pipe, "term-render", () -> { }, s -> { }));
        terminal.start();
        stage.setScene(new Scene(terminal.getPane(), 800, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            terminal.close();
            return null;
        });
    }

    private void guestSends(String s) throws Exception {
        pipe.guestWrites().write(s.getBytes(StandardCharsets.UTF_8));
        pipe.guestWrites().flush();
    }

    @Test
    void cursorAddressingAndColoursLandWhereTheProgramPutThem(FxRobot robot) throws Exception {
        guestSends("junk that the clear removes\r\n");
        // Clear, then write out of order by absolute position, as top or vi do.
        guestSends("\u001b[2J\u001b[5;10H\u001b[31mRED\u001b[0m"
                + "\u001b[3;21H\u001b[42m     \u001b[0m"
                + "\u001b[1;1H\u001b[1;34mtop\u001b[0m - 10:00:00 up 1 min"
                + "\u001b[10;1Hline ten\u001b[10;6H\u001b[K");
        TerminalTextBuffer buffer = terminal.getTerminalTextBuffer();
        waitUntil("the stream is drawn into the buffer", WAIT, () -> ScreenText.screen(buffer).contains("RED"));
        waitUntil("the last sequence applied", WAIT, () -> ScreenText.screen(buffer).lines().skip(9).findFirst().orElse("").equals("line"));
        String[] rows = ScreenText.screen(buffer).split("\n", -1);
        assertThat(rows[0]).isEqualTo("top - 10:00:00 up 1 min");
        assertThat(rows[4]).isEqualTo(" ".repeat(9) + "RED");
        assertThat(rows[9]).as("erase to end of line after moving back").isEqualTo("line");
        assertThat(ScreenText.screen(buffer)).doesNotContain("junk");

        TextStyle red = onFx(() -> styleAt(buffer, 9, 4));
        assertThat(red.getForeground()).isEqualTo(TerminalColor.index(1));
        TextStyle green = onFx(() -> styleAt(buffer, 22, 2));
        assertThat(green.getBackground()).isEqualTo(TerminalColor.index(2));

        // And on the screen: the green cells and the red letters are drawn in those colours.
        Canvas canvas = terminal.getTerminalPanel().getCanvas();
        waitUntil("green background drawn at row 3, columns 21-25", WAIT, () -> countPixels(canvas, 2, 20, 25, this::isGreen) > 0);
        int cells = onFx(() -> countPixels(canvas, 2, 20, 25, this::isGreen));
        int cellArea = onFx(() -> (int) (cellWidth(canvas) * cellHeight(canvas) * 5));
        assertThat(cells).as("most of five cells are green").isGreaterThan(cellArea / 2);
        assertThat(onFx(() -> countPixels(canvas, 4, 9, 12, this::isRed))).as("red glyph pixels of RED").isGreaterThan(10);
        assertThat(onFx(() -> countPixels(canvas, 4, 0, 9, this::isRed))).as("nothing red left of it").isZero();
        assertThat(onFx(() -> countPixels(canvas, 6, 0, 80, this::isDefaultBackground)))
                .as("an empty row is the console's dark background").isGreaterThan(cellArea);
    }

    @Test
    void keysGoToTheGuestAndCtrlKeysDoNotReachTheWindowsShortcuts(FxRobot robot) throws Exception {
        AtomicBoolean closeTabFired = new AtomicBoolean();
        robot.interact(() -> terminal.getPane().getScene().getAccelerators()
                .put(KeyCombination.valueOf("Shortcut+W"), () -> closeTabFired.set(true)));
        guestSends("guest$ ");
        waitUntil("prompt shown", WAIT, () -> ScreenText.screen(terminal.getTerminalTextBuffer()).contains("guest$"));
        robot.clickOn(terminal.keyboardTarget());
        robot.write("ls").type(KeyCode.ENTER).type(KeyCode.UP);
        robot.press(KeyCode.CONTROL).type(KeyCode.C).type(KeyCode.W).release(KeyCode.CONTROL);
        byte[] typed = pipe.typedByUser().readNBytes(8);
        assertThat(new String(typed, StandardCharsets.UTF_8)).isEqualTo("ls\r\u001b[A\u0003\u0017");
        assertThat(closeTabFired).as("Ctrl+W erased a word in the guest instead of closing the tab").isFalse();
    }

    @Test
    void copyAndPasteGoThroughTheClipboard(FxRobot robot) throws Exception {
        guestSends("\u001b[2J\u001b[Hcopy me please");
        waitUntil("text shown", WAIT, () -> ScreenText.screen(terminal.getTerminalTextBuffer()).contains("copy me please"));
        robot.clickOn(terminal.keyboardTarget());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).type(KeyCode.C).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the selection is on the clipboard", WAIT, () -> String.valueOf(Clipboard.getSystemClipboard().getString()).contains("copy me please"));
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("echo pasted");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.V).release(KeyCode.SHIFT, KeyCode.CONTROL);
        byte[] typed = pipe.typedByUser().readNBytes("echo pasted".length());
        assertThat(new String(typed, StandardCharsets.UTF_8)).isEqualTo("echo pasted");
    }

    private static TextStyle styleAt(TerminalTextBuffer buffer, int x, int y) {
        buffer.lock();
        try {
            return buffer.getStyleAt(x, y);
        } finally {
            buffer.unlock();
        }
    }

    private double cellWidth(Canvas canvas) {
        return (terminal.getTerminalPanel().getPixelWidth() - 4.0) / terminal.getTerminalTextBuffer().getWidth();
    }

    private double cellHeight(Canvas canvas) {
        return (double) terminal.getTerminalPanel().getPixelHeight() / terminal.getTerminalTextBuffer().getHeight();
    }

    /** Pixels matching {@code test} in row {@code row}, columns [from, to), of a snapshot of the canvas. */
    private int countPixels(Canvas canvas, int row, int from, int to, java.util.function.Predicate<Color> test) {
        PixelReader pixels = canvas.snapshot(null, null).getPixelReader();
        double w = cellWidth(canvas);
        double h = cellHeight(canvas);
        int n = 0;
        for (int y = (int) Math.ceil(row * h); y < (int) ((row + 1) * h) - 1; y++) {
            for (int x = (int) Math.ceil(4 + from * w); x < (int) (4 + to * w) - 1; x++) {
                if (test.test(pixels.getColor(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private boolean isGreen(Color c) {
        return c.getGreen() > 0.6 && c.getRed() < 0.2 && c.getBlue() < 0.2;
    }

    private boolean isRed(Color c) {
        return c.getRed() > 0.4 && c.getGreen() < 0.25 && c.getBlue() < 0.25;
    }

    private boolean isDefaultBackground(Color c) {
        return Math.abs(c.getRed() * 255 - 0x16) < 3 && Math.abs(c.getGreen() * 255 - 0x16) < 3;
    }
}
