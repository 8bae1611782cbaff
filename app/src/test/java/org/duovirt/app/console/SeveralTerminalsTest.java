package org.duovirt.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two consoles open at once in tabs: each terminal shows only its own guest, and closing one leaves the other. */
@ExtendWith(ApplicationExtension.class)
class SeveralTerminalsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final StreamConsoles.Piped first = StreamConsoles.piped();
    private final StreamConsoles.Piped second = StreamConsoles.piped();
    private ConsoleTerminal one;
    private ConsoleTerminal two;

    @Start
    void start(Stage stage) {
        Messages.use(Locale.ENGLISH);
        one = attach(first);
        two = attach(second);
        stage.setScene(new Scene(new TabPane(new Tab("one", one.getPane()), new Tab("two", two.getPane())), 800, 500));
        stage.show();
    }

    private static ConsoleTerminal attach(StreamConsoles.Piped pipe) {
        ConsoleTerminal t = new ConsoleTerminal();
        t.setTtyConnector(new TextConsoleTtyConnector(pipe, "term-several", () -> { }, s -> { }));
        t.start();
        return t;
    }

    private static void send(StreamConsoles.Piped pipe, String s) throws Exception {
        pipe.guestWrites().write(s.getBytes(StandardCharsets.UTF_8));
        pipe.guestWrites().flush();
    }

    @Test
    void eachTabShowsItsOwnGuestAndOutlivesTheOther(FxRobot robot) throws Exception {
        send(first, "first guest\r\n");
        send(second, "second guest\r\n");
        waitUntil("both shown", WAIT, () -> one.text().contains("first guest") && two.text().contains("second guest"));
        assertThat(one.text()).doesNotContain("second guest");
        assertThat(two.text()).doesNotContain("first guest");

        onFx(() -> {
            one.close();
            return null;
        });
        send(second, "still here\r\n");
        waitUntil("the other console still runs", WAIT, () -> two.text().contains("still here"));
        onFx(() -> {
            two.close();
            return null;
        });
    }
}
