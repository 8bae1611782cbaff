package org.duovirt.app.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.duovirt.core.spi.TextConsole;

/**
 * Real byte streams in the shape of a VM's text console, for tests of the terminal path: an in-process
 * pipe pair the test writes the "guest" side of, or a program on a local pseudo-terminal (util-linux
 * {@code script}, as the Xen backend does locally).
 */
final class StreamConsoles {
    private StreamConsoles() {
    }

    /** A console whose guest output is what the test writes to {@link Piped#guestWrites()}. */
    static Piped piped() {
        try {
            PipedOutputStream guest = new PipedOutputStream();
            PipedInputStream fromGuest = new PipedInputStream(guest, 64 * 1024);
            PipedInputStream typed = new PipedInputStream(64 * 1024);
            PipedOutputStream toGuest = new PipedOutputStream(typed);
            return new Piped(guest, fromGuest, typed, toGuest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shellCommand} run on a fresh local pty; closing the console kills it. */
    static TextConsole onPty(String shellCommand) throws IOException {
        Process p = new ProcessBuilder(List.of("script", "-qfec", shellCommand, "/dev/null")).redirectErrorStream(true).start();
        return new TextConsole() {
            @Override
            public InputStream fromGuest() {
                return p.getInputStream();
            }

            @Override
            public OutputStream toGuest() {
                return p.getOutputStream();
            }

            @Override
            public void close() {
                p.destroyForcibly();
            }
        };
    }

    /** Both ends of a piped console: the test plays the guest. */
    record Piped(OutputStream guestWrites, InputStream fromGuest, InputStream typedByUser, OutputStream toGuest)
            implements TextConsole {
        @Override
        public void close() throws IOException {
            guestWrites.close();
            fromGuest.close();
            toGuest.close();
        }
    }
}
