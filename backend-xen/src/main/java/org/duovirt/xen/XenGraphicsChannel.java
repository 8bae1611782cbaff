package org.duovirt.xen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;
import org.duovirt.core.ssh.TcpStream;

/** A Xen VM's VNC server (qemu-system-xen in dom0, port from xenstore) over the host's transport. */
final class XenGraphicsChannel implements GraphicsChannel {
    private final GraphicsEndpoint endpoint;
    private final TcpStream stream;

    XenGraphicsChannel(GraphicsEndpoint endpoint, TcpStream stream) {
        this.endpoint = endpoint;
        this.stream = stream;
    }

    @Override
    public InputStream fromServer() {
        return stream.in();
    }

    @Override
    public OutputStream toServer() {
        return stream.out();
    }

    @Override
    public GraphicsEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String route() {
        return stream.route();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
