package org.duovirt.app.graphics;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.Theme;

/**
 * Moves a console between its tab and a window of its own (and fullscreen there); closing the window brings
 * it back. The tab stays, holding a short note and a button to bring the console back.
 */
public final class Detacher {
    private final Tab tab;
    private final GraphicsConsoleView view;
    private Stage stage;

    public Detacher(Tab tab, GraphicsConsoleView view) {
        this.tab = tab;
        this.view = view;
        view.detachButton().setOnAction(e -> toggle());
        view.fullscreenButton().setOnAction(e -> fullscreen());
    }

    public boolean detached() {
        return stage != null;
    }

    /** The console's own window while detached, else null. */
    public Stage window() {
        return stage;
    }

    public void toggle() {
        if (stage == null) {
            detach();
        } else {
            stage.close();
        }
    }

    public void fullscreen() {
        if (stage == null) {
            detach();
        }
        stage.setFullScreen(!stage.isFullScreen());
    }

    public void detach() {
        if (stage != null) {
            return;
        }
        double w = Math.max(640, view.getWidth());
        double h = Math.max(480, view.getHeight());
        Button back = new Button(Messages.get("graphics.attach"));
        back.setId("graphics-attach");
        back.setOnAction(e -> toggle());
        Label note = new Label(Messages.get("graphics.detached-note"));
        VBox stand = new VBox(12, note, back);
        stand.setId("graphics-detached-note");
        stand.setAlignment(javafx.geometry.Pos.CENTER);
        tab.setContent(stand);
        stage = new Stage();
        stage.setTitle(tab.getText());
        Scene scene = new Scene(view, w, h);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(KeyCombination.valueOf("Ctrl+Alt+Enter"));
        stage.setFullScreenExitHint(Messages.get("graphics.fullscreen-hint"));
        stage.setOnHidden(e -> attach());
        view.detachButton().setText(Messages.get("graphics.attach"));
        stage.show();
    }

    /** Closes the window if open, without bringing the console back (the tab is closing). */
    public void dispose() {
        if (stage != null) {
            Stage s = stage;
            stage = null;
            s.setOnHidden(null);
            s.close();
        }
    }

    private void attach() {
        if (stage == null) {
            return;
        }
        stage.getScene().setRoot(new Pane());
        stage = null;
        tab.setContent(view);
        view.detachButton().setText(Messages.get("graphics.detach"));
    }
}
