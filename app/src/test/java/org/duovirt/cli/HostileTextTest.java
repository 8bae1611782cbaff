package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.text.Printable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A name from the host with a carriage return, a bidi override and a line separator is printed escaped,
 * the same characters in the CLI's listing and the window's table; JSON keeps the exact name.
 */
@ExtendWith(ApplicationExtension.class)
class HostileTextTest {
    private static final String NAME = "hard-esc\r\u202eevil\u2028x\\y";
    private static final String SHOWN = "hard-esc\\r\\u202eevil\\u2028x\\\\y";
    @TempDir
    static Path home;
    private MainWindow window;
    private String uri;

    @Start
    void start(Stage stage) throws Exception {
        uri = "test://" + Path.of("src/test/resources/fixtures/hostile-names-node.xml").toAbsolutePath();
        AppDirs dirs = UiTestSupport.tempDirs(home.resolve("h-" + System.nanoTime()), List.of(new ConnectionConfig(uri, "Hostile", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void theCliAndTheTableShowTheSameEscapedNameAndJsonTheRealOne(FxRobot robot) throws Exception {
        assertThat(Printable.line(NAME)).isEqualTo(SHOWN);
        assertThat(Printable.unescape(SHOWN)).isEqualTo(NAME);
        CliRun list = CliRun.of("list", "--all", "-c", uri);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(SHOWN).doesNotContain("\r").doesNotContain("\u202e").doesNotContain("\u2028");
        CliRun json = CliRun.of("list", "--all", "--json", "-c", uri);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get(0).get("name").asText()).isEqualTo(NAME);
        UiTestSupport.waitUntil("the VM row", Duration.ofSeconds(20), () -> robot.lookup("#vm-table").lookup(".table-cell")
                .match(c -> SHOWN.equals(((TableCell<?, ?>) c).getText())).tryQuery().isPresent());
    }
}
