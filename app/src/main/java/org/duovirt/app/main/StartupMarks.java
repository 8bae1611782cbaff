package org.duovirt.app.main;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import org.duovirt.app.host.VmRow;

/**
 * Logs how long after the process was started the window appeared and the VM list first drew rows. The
 * start-up benchmark (bench/startup) and the package check read these two lines; they cost one listener
 * that removes itself.
 */
final class StartupMarks {
    static final String WINDOW = "startup: window shown after ";
    static final String ROWS = "startup: VM list drew its first rows after ";
    private static final Logger LOG = Logger.getLogger(StartupMarks.class.getName());

    private StartupMarks() {
    }

    static void windowShown() {
        LOG.info(() -> WINDOW + sinceStart() + " ms");
    }

    /** On the first layout pulse after {@code rows} has become non-empty: the rows are on screen then. */
    static void whenRowsDrawn(Scene scene, ObservableList<VmRow> rows) {
        ListChangeListener<VmRow> listener = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends VmRow> c) {
                if (rows.isEmpty()) {
                    return;
                }
                rows.removeListener(this);
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    LOG.info(() -> ROWS + sinceStart() + " ms (" + rows.size() + " rows: "
                            + String.join(", ", rows.stream().limit(5).map(VmRow::name).toList()) + ")");
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        };
        if (rows.isEmpty()) {
            rows.addListener(listener);
        } else {
            listener.onChanged(null);
        }
    }

    private static long sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }
}
