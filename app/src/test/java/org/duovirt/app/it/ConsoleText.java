package org.duovirt.app.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.duovirt.core.spi.TextConsole;

/** What a guest writes on a text console, collected in the background so a test can wait for a line. */
public final class ConsoleText {
    private ConsoleText() {
    }

    /** Starts reading the console; the buffer grows as the guest writes (and ends with a mark when the stream does). */
    public static StringBuffer read(TextConsole console) {
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            byte[] b = new byte[4096];
            try (InputStream in = console.fromGuest()) {
                int n;
                while ((n = in.read(b)) > 0) {
                    seen.append(new String(b, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                seen.append("[console ended]");
            }
        }, "it-console-text");
        reader.setDaemon(true);
        reader.start();
        return seen;
    }

    /** True once {@code seen} holds {@code text}; false after {@code timeout}. */
    public static boolean await(StringBuffer seen, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.indexOf(text) < 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }
}
