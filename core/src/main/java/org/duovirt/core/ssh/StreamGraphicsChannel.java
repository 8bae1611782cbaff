package org.duovirt.core.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.duovirt.core.model.GraphicsEndpoint;
import org.duovirt.core.spi.GraphicsChannel;

/**
 * A VM's VNC server reached over a {@link TcpStream}: an SSH channel (KVM over qemu+ssh, Xen over xl+ssh) or a
 * plain socket on this machine (xl:///). Closing it closes the stream.
 */
public final class StreamGraphicsChannel implements GraphicsChannel {
    private final GraphicsEndpoint endpoint;
    private final TcpStream stream;

    public StreamGraphicsChannel(GraphicsEndpoint endpoint, TcpStream stream) {
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
