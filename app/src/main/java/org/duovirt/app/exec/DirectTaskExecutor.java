package org.duovirt.app.exec;

/** Runs UI work on the calling thread; for view-model tests. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public void ui(Runnable action) {
        action.run();
    }

    @Override
    public boolean isUiThread() {
        return true;
    }
}
