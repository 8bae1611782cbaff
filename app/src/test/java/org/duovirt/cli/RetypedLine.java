package org.duovirt.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Standard input for {@code duovirt console --wait-for} in tests: one line, typed again every {@code every} until
 * {@code total} has passed, then the end of input. On a loaded machine a line typed in the first moments of a console
 * session was seen lost (CI: the echo never came within 120 s, while the same guest answered a later session);
 * each use types something harmless to repeat, and the command ends at the first answer.
 */
final class RetypedLine extends InputStream {
    private final byte[] line;
    private final long everyNanos;
    private final long endNanos;
    private int typed;
    private int pos = -1;
    private long nextNanos = System.nanoTime();
    private volatile boolean closed;

    RetypedLine(String line, Duration every, Duration total) {
        this.line = line.getBytes(StandardCharsets.UTF_8);
        this.everyNanos = every.toNanos();
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /** Ends the input, also for a console command's input thread still waiting to type again. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == -1) {
            pos = 0;
        } else if (pos == line.length) {
            if (nextNanos > endNanos) {
                return -1;
            }
            while (!closed && System.nanoTime() < nextNanos) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            if (closed) {
                return -1;
            }
            pos = 0;
        }
        if (pos == 0) {
            typed++;
            nextNanos = System.nanoTime() + everyNanos;
            if (typed > 1) {
                System.out.println("RetypedLine: typing again (" + typed + "): " + new String(line, StandardCharsets.UTF_8).strip());
            }
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }
}
