package org.duovirt.xen.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.duovirt.core.spi.TextConsole;

/** Collects what a guest writes to its console in the background, so a test can wait for a line. */
final class ConsoleCapture implements AutoCloseable {
    private final TextConsole console;
    private final StringBuilder text = new StringBuilder();
    private final Thread reader;

    ConsoleCapture(TextConsole console) {
        this.console = console;
        this.reader = new Thread(this::pump, "xen-it-console");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump() {
        byte[] buffer = new byte[4096];
        try (InputStream in = console.fromGuest()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (text) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    text.notifyAll();
                }
            }
        } catch (IOException e) {
            // the console was closed
        }
    }

    /** Waits until the console output contains {@code wanted}; fails with what it saw otherwise. */
    void await(String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (text) {
            while (text.indexOf(wanted) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The console did not show '" + wanted + "' within " + timeout
                            + ". It showed:\n" + tail());
                }
                text.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Types a line as a person would (Enter is CR on a terminal). */
    void type(String line) throws IOException {
        console.toGuest().write((line + "\r").getBytes(StandardCharsets.UTF_8));
        console.toGuest().flush();
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    private String tail() {
        String all = text.toString();
        return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
    }

    @Override
    public void close() throws IOException {
        console.close();
    }
}
