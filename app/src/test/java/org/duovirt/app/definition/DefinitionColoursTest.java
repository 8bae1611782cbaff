package org.duovirt.app.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.ui.UiTestSupport.onFx;
import static org.duovirt.app.ui.UiTestSupport.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.main.MainWindow;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The definition editor's coloured view: the same text as the editor, its runs classed by syntax. */
@ExtendWith(ApplicationExtension.class)
class DefinitionColoursTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        var dirs = UiTestSupport.tempDirs(home.resolve("def-" + System.nanoTime()),
                List.of(new ConnectionConfig("test:///default", "Demo", true)));
        window = UiTestSupport.open(stage, dirs);
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getWindow().hide()));
    }

    @Test
    void theColouredTabShowsTheEditedTextWithTagsAttributesAndValuesApart(FxRobot robot) {
        waitUntil("listed", WAIT, () -> UiTestSupport.visibleNames(robot).contains("test"));
        robot.interact(() -> window.model().openVmTab(UiTestSupport.row(robot, "test"), "definition"));
        TextArea text = robot.lookup("#definition-text").queryAs(TextArea.class);
        waitUntil("definition read", WAIT, () -> onFx(text::getText).contains("<domain"));
        robot.interact(() -> text.setText(text.getText().replace("<name>test</name>", "<name>test</name><!-- <b> & c -->")));
        robot.interact(() -> robot.lookup("#definition-editor .tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
        TextFlow flow = (TextFlow) onFx(() -> robot.lookup("#definition-coloured").queryAs(ScrollPane.class).getContent());
        List<Text> runs = onFx(() -> flow.getChildren().stream().map(Text.class::cast).toList());
        assertThat(runs.stream().map(Text::getText).collect(Collectors.joining())).isEqualTo(onFx(text::getText));
        assertThat(runs).anyMatch(t -> t.getText().equals("<domain") && t.getStyleClass().contains("syn-tag"));
        assertThat(runs).anyMatch(t -> t.getText().equals("type") && t.getStyleClass().contains("syn-attribute"));
        assertThat(runs).anyMatch(t -> t.getText().equals("'test'") && t.getStyleClass().contains("syn-value"));
        assertThat(runs).anyMatch(t -> t.getText().equals("<!-- <b> & c -->") && t.getStyleClass().contains("syn-comment"));
        // Drawn in a theme colour, not the default black of a Text.
        assertThat(onFx(() -> runs.stream().filter(t -> t.getStyleClass().contains("syn-tag")).findFirst().orElseThrow().getFill()))
                .isNotEqualTo(javafx.scene.paint.Color.BLACK);
        robot.interact(() -> text.setText(text.getText().replace("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static'>3</vcpu>")));
        TextFlow redrawn = (TextFlow) onFx(() -> robot.lookup("#definition-coloured").queryAs(ScrollPane.class).getContent());
        assertThat(onFx(() -> redrawn.getChildren().stream().map(n -> ((Text) n).getText()).collect(Collectors.joining())))
                .contains(">3</vcpu>");
    }
}
