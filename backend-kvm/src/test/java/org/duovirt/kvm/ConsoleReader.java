package org.duovirt.kvm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.duovirt.core.spi.TextConsole;

/** Reads a console on a daemon thread into a buffer the test can wait on. */
final class ConsoleReader {
    private final StringBuffer seen = new StringBuffer();
    private final Thread thread;

    ConsoleReader(TextConsole console) {
        thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = console.fromGuest()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                seen.append("\n[console error: ").append(e.getMessage()).append("]");
            }
        }, "it-console-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void awaitText(String text, Duration timeout) {
        try {
            LiveHost.await("'" + text + "' on the console", timeout, () -> seen.indexOf(text) >= 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the console showed:\n" + seen, e);
        }
    }

    String seen() {
        return seen.toString();
    }
}
