package org.duovirt.core.rfb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Big-endian reads from the server's stream. A stream that ends or breaks mid-message becomes one
 * {@link RfbException} saying the link dropped, never an EOFException three layers down.
 */
final class RfbInput {
    private final InputStream in;
    private final byte[] scratch = new byte[8];

    RfbInput(InputStream in) {
        this.in = in;
    }

    /** The next byte, or -1 when the stream ends cleanly here (between messages). */
    int u8OrEnd() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new RfbException("The connection to the VNC server dropped (" + e.getMessage() + ").",
                    "Check that the VM is still running and reconnect.", e);
        }
    }

    int u8() {
        readFully(scratch, 0, 1);
        return scratch[0] & 0xff;
    }

    int u16() {
        readFully(scratch, 0, 2);
        return ((scratch[0] & 0xff) << 8) | (scratch[1] & 0xff);
    }

    int s16() {
        return (short) u16();
    }

    int s32() {
        readFully(scratch, 0, 4);
        return ((scratch[0] & 0xff) << 24) | ((scratch[1] & 0xff) << 16) | ((scratch[2] & 0xff) << 8) | (scratch[3] & 0xff);
    }

    /** An unsigned 32-bit length, refused above {@code max} so a corrupt stream cannot ask for gigabytes. */
    int length(int max, String what) {
        long n = s32() & 0xffffffffL;
        if (n > max) {
            throw new RfbException("The VNC server sent a " + what + " of " + n + " bytes, more than this client accepts.",
                    "The stream is corrupt or the server is not a VNC server.");
        }
        return (int) n;
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        readFully(b, 0, n);
        return b;
    }

    void skip(int n) {
        byte[] b = new byte[Math.min(n, 8192)];
        while (n > 0) {
            int chunk = Math.min(n, b.length);
            readFully(b, 0, chunk);
            n -= chunk;
        }
    }

    void readFully(byte[] b, int off, int len) {
        try {
            while (len > 0) {
                int n = in.read(b, off, len);
                if (n < 0) {
                    throw new EOFException();
                }
                off += n;
                len -= n;
            }
        } catch (EOFException e) {
            throw new RfbException("The VNC server closed the connection in the middle of a message.",
                    "The VM may have stopped or rebooted; reconnect to continue.", e);
        } catch (IOException e) {
            throw new RfbException("The connection to the VNC server dropped (" + e.getMessage() + ").",
                    "Check that the VM is still running and reconnect.", e);
        }
    }
}
