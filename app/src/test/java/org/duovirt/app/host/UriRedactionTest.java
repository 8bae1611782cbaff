package org.duovirt.app.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.Test;

/** A URI with a password never reaches a host, a log line or the window: it is refused and shown redacted. */
class UriRedactionTest {
    @Test
    void aPasswordUriIsRefusedAndNeitherTheLogNorTheHostRowShowsThePassword() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("org.duovirt");
        root.addHandler(capture);
        try {
            for (String uri : List.of("qemu+ssh://root:hunter2@127.0.0.1:1/system", "xl+ssh://root:hunter2@127.0.0.1:1/")) {
                HostSession s = new HostSession(new ConnectionConfig(uri, null, false), false, Connector.of(Backends.installed()),
                        new DirectTaskExecutor(), Sessions.TIMER, Sessions.fast());
                s.connect();
                Sessions.await("refused", () -> s.lastErrorProperty().get() != null && !s.lastErrorProperty().get().isEmpty());
                assertThat(s.lastErrorProperty().get()).contains("holds a password").doesNotContain("hunter2");
                assertThat(s.displayName()).contains("root:***@").doesNotContain("hunter2");
                s.close();
            }
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).isNotEmpty().noneMatch(line -> line.contains("hunter2"));
    }
}
