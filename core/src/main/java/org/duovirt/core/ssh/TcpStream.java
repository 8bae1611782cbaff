package org.duovirt.core.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A byte stream to a TCP port as the host sees it (a VM's VNC server in dom0). Closing closes both ways. */
public final class TcpStream implements Closeable {
    private final InputStream in;
    private final OutputStream out;
    private final Closeable closer;
    private final String route;

    public TcpStream(InputStream in, OutputStream out, Closeable closer, String route) {
        this.in = in;
        this.out = out;
        this.closer = closer;
        this.route = route;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** How the stream was reached, e.g. "SSH channel via root@dom0 to 127.0.0.1:5900". */
    public String route() {
        return route;
    }

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
