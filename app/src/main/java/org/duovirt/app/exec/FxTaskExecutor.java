package org.duovirt.app.exec;

import javafx.application.Platform;

/** Posts UI work to the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {
    @Override
    public void ui(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public boolean isUiThread() {
        return Platform.isFxApplicationThread();
    }
}
