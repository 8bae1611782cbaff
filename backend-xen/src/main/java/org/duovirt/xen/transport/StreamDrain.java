package org.duovirt.xen.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream to its end on a daemon thread, so stdout and stderr of a command are drained at the
 * same time (a full pipe would otherwise stall the command).
 */
final class StreamDrain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    StreamDrain(InputStream in, String name) {
        thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The stream was closed under us (timeout, dead session): keep what arrived.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits up to {@code millis} for the end of the stream, then returns what arrived. */
    String text(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
