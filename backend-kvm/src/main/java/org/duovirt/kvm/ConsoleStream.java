package org.duovirt.kvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.duovirt.core.spi.TextConsole;
import org.libvirt.LibvirtException;
import org.libvirt.Stream;

/**
 * A VM's text console over a blocking libvirt stream (virDomainOpenConsole). The caller reads
 * {@link #fromGuest()} on its own thread; writes may come from any other thread. Closing aborts the
 * stream, which also ends a blocked read.
 */
final class ConsoleStream implements TextConsole {
    private final Stream stream;
    private final String vm;
    private final InputStream in = new FromGuest();
    private final OutputStream out = new ToGuest();
    private volatile boolean closed;

    private ConsoleStream(Stream stream, String vm) {
        this.stream = stream;
        this.vm = vm;
    }

    /** Attaches to the VM's first console (serial or virtio), failing when another client holds it. */
    static ConsoleStream open(Domains domains, String vm) {
        String what = "Opening the text console of VM '" + vm + "'";
        Stream stream = domains.host(what, () -> domains.connect().streamNew(0));
        try {
            domains.run(vm, what, d -> {
                if (LibvirtNative.INSTANCE.virDomainOpenConsole(NativeHandles.of(d), null, NativeHandles.of(stream), 0) < 0) {
                    throw NativeHandles.lastError(what);
                }
            });
        } catch (RuntimeException e) {
            try {
                stream.free();
            } catch (LibvirtException ignored) {
                // Never attached; nothing else to release.
            }
            throw e;
        }
        return new ConsoleStream(stream, vm);
    }

    @Override
    public InputStream fromGuest() {
        return in;
    }

    @Override
    public OutputStream toGuest() {
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.abort();
        } catch (LibvirtException | RuntimeException e) {
            // Already ended by the host (VM stopped); nothing left to abort.
        }
    }

    private final class FromGuest extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (closed) {
                return -1;
            }
            byte[] buffer = new byte[Math.min(len, 64 * 1024)];
            int n;
            try {
                n = stream.receive(buffer);
            } catch (LibvirtException e) {
                if (closed) {
                    return -1;
                }
                throw new IOException("The console of VM '" + vm + "' broke: " + LibvirtErrors.message(e), e);
            }
            if (n <= 0) {
                // 0 is end of stream: the VM stopped or another client took the console.
                return -1;
            }
            System.arraycopy(buffer, 0, b, off, n);
            return n;
        }

        @Override
        public void close() {
            ConsoleStream.this.close();
        }
    }

    private final class ToGuest extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] rest = Arrays.copyOfRange(b, off, off + len);
            while (rest.length > 0) {
                if (closed) {
                    throw new IOException("The console of VM '" + vm + "' is closed.");
                }
                int sent;
                try {
                    sent = stream.send(rest);
                } catch (LibvirtException e) {
                    throw new IOException("Typing into the console of VM '" + vm + "' failed: " + LibvirtErrors.message(e), e);
                }
                if (sent < 0) {
                    throw new InterruptedIOException("The console of VM '" + vm + "' is busy.");
                }
                rest = Arrays.copyOfRange(rest, sent, rest.length);
            }
        }

        @Override
        public void close() {
            ConsoleStream.this.close();
        }
    }
}
