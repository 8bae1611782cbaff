import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The toolkit's floor for bench/startup: a bare JavaFX window with one empty TableView, run on Duovirt's own
 * runtime with its options. Prints "drawn after N ms" (since the process started) after its first pulse.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("Name"));
        Scene scene = new Scene(new BorderPane(table), 1280, 800);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = ProcessHandle.current().info().startInstant()
                    .map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
            System.out.println("drawn after " + ms + " ms");
        };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("Bare JavaFX window");
        stage.setScene(scene);
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
